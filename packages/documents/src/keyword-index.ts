// A keyword index per collection, in Redis: for each term, the set of chunks that contain it, so
// search can find every chunk holding a rare word or an identifier in the whole collection (not
// only among the dense candidates), in one round trip, however large the collection.
//
// Why Redis rather than Chroma's `$contains`: at 100,000 chunks Chroma 1.0's full-text filter
// takes 300-1,600 ms per term (bench/search), while a set lookup takes well under a millisecond,
// and the index is shared by every API replica and worker with nothing to load or keep in sync.
// Why not MiniSearch kept in memory: a 100,000-chunk index costs hundreds of MB per process and
// would have to be re-loaded by every replica after every upload.
//
// Only rare terms are worth a lookup (a term in thousands of chunks says little about any of
// them), so a term's postings are dropped once it is in more than `commonAfter` chunks and it is
// remembered as common: memory stays bounded by the rare terms. Terms are computed by the caller
// (vectorstore's keywordTerms), so the index and the query always agree on them.
//
// Keys (under the Redis prefix):
//   kw:<collectionId>:t:<term>   set of chunk ids containing the term
//   kw:<collectionId>:common     set of the terms too common to keep postings for
//   kw:<collectionId>:chunks     hash: chunk id -> its posted terms (to remove them again)
//   kw:<collectionId>:meta       hash: chunks (how many are indexed)
//
// Each script declares the meta key as KEYS[1] and builds the others from it: on a Redis Cluster
// the client sends a script to the node that owns its declared keys' slot, and every key of one
// collection shares that slot (the deployment's prefix is a hash tag). A script declaring no key
// would go to any node and fail with "non local key" on the others.
import type { Redis } from 'ioredis';

/** What a lookup says of one term. */
export interface KeywordTermMatches {
  term: string;
  /** How many indexed chunks contain it; for a common term, at least the limit. */
  count: number;
  /** Every chunk containing it, when there are at most `limit`; otherwise empty. */
  ids: string[];
  /** More than `limit` chunks contain it. */
  common: boolean;
}

export interface KeywordIndexOptions {
  /** Keep a term's postings until it is in this many chunks (default 1,000). */
  commonAfter?: number;
}

/** Chunks per script call: bounds how long one call holds Redis. */
const WRITE_BATCH = 64;

const ADD_SCRIPT = `
local base = string.sub(KEYS[1], 1, -5)
local cap = tonumber(ARGV[1])
local i = 2
while i <= #ARGV do
  local id = ARGV[i]
  local n = tonumber(ARGV[i + 1])
  i = i + 2
  local old = redis.call('HGET', base .. 'chunks', id)
  if old then
    for term in string.gmatch(old, '%S+') do redis.call('SREM', base .. 't:' .. term, id) end
  else
    redis.call('HINCRBY', base .. 'meta', 'chunks', 1)
  end
  local posted = {}
  for j = i, i + n - 1 do
    local term = ARGV[j]
    if redis.call('SISMEMBER', base .. 'common', term) == 0 then
      local key = base .. 't:' .. term
      redis.call('SADD', key, id)
      if redis.call('SCARD', key) > cap then
        redis.call('DEL', key)
        redis.call('SADD', base .. 'common', term)
      else
        posted[#posted + 1] = term
      end
    end
  end
  i = i + n
  redis.call('HSET', base .. 'chunks', id, table.concat(posted, ' '))
end
return 1`;

const REMOVE_SCRIPT = `
local base = string.sub(KEYS[1], 1, -5)
local removed = 0
for i = 1, #ARGV do
  local id = ARGV[i]
  local old = redis.call('HGET', base .. 'chunks', id)
  if old then
    for term in string.gmatch(old, '%S+') do redis.call('SREM', base .. 't:' .. term, id) end
    redis.call('HDEL', base .. 'chunks', id)
    redis.call('HINCRBY', base .. 'meta', 'chunks', -1)
    removed = removed + 1
  end
end
return removed`;

const LOOKUP_SCRIPT = `
local base = string.sub(KEYS[1], 1, -5)
local limit = tonumber(ARGV[1])
local out = { tonumber(redis.call('HGET', base .. 'meta', 'chunks') or '0') }
for i = 2, #ARGV do
  local term = ARGV[i]
  if redis.call('SISMEMBER', base .. 'common', term) == 1 then
    out[#out + 1] = { -1 }
  else
    local key = base .. 't:' .. term
    local count = redis.call('SCARD', key)
    if count <= limit then
      local entry = redis.call('SMEMBERS', key)
      table.insert(entry, 1, count)
      out[#out + 1] = entry
    else
      out[#out + 1] = { count }
    end
  end
end
return out`;

/** Terms are words and identifiers; anything with whitespace could not be stored in a chunk's term list. */
const usableTerm = (term: string) => term.length > 0 && term.length <= 200 && !/\s/.test(term);

export class RedisKeywordIndex {
  private readonly commonAfter: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    options: KeywordIndexOptions = {},
  ) {
    this.commonAfter = options.commonAfter ?? 1000;
  }

  private base = (collectionId: string) => `${this.prefix}kw:${collectionId}:`;
  /** The key each script declares (KEYS[1]); the script derives the others from it. */
  private metaKey = (collectionId: string) => `${this.base(collectionId)}meta`;

  /** Indexes (or re-indexes: its old terms go first) each chunk under its terms. */
  async add(collectionId: string, chunks: { id: string; terms: string[] }[]): Promise<void> {
    for (let start = 0; start < chunks.length; start += WRITE_BATCH) {
      const args: string[] = [String(this.commonAfter)];
      for (const chunk of chunks.slice(start, start + WRITE_BATCH)) {
        const terms = [...new Set(chunk.terms.filter(usableTerm))];
        args.push(chunk.id, String(terms.length), ...terms);
      }
      await this.redis.eval(ADD_SCRIPT, 1, this.metaKey(collectionId), ...args);
    }
  }

  /** Removes chunks from the index; returns how many were in it. */
  async remove(collectionId: string, chunkIds: string[]): Promise<number> {
    let removed = 0;
    for (let start = 0; start < chunkIds.length; start += WRITE_BATCH) {
      removed += Number(await this.redis.eval(REMOVE_SCRIPT, 1, this.metaKey(collectionId), ...chunkIds.slice(start, start + WRITE_BATCH)));
    }
    return removed;
  }

  /**
   * For each term, how many chunks of the collection contain it and, when at most `limit` do,
   * which; plus how many chunks the collection has indexed. One round trip.
   */
  async lookup(collectionId: string, terms: string[], limit: number): Promise<{ indexedChunks: number; terms: KeywordTermMatches[] }> {
    const unique = [...new Set(terms.filter(usableTerm))];
    if (unique.length === 0) return { indexedChunks: 0, terms: [] };
    const reply = (await this.redis.eval(LOOKUP_SCRIPT, 1, this.metaKey(collectionId), String(Math.max(0, Math.floor(limit))), ...unique)) as [number, ...(string | number)[][]];
    const [indexedChunks, ...entries] = reply;
    return {
      indexedChunks: Number(indexedChunks),
      terms: unique.map((term, index) => {
        const [count, ...ids] = entries[index] ?? [0];
        const known = Number(count);
        return known < 0
          ? { term, count: this.commonAfter, ids: [], common: true }
          : { term, count: known, ids: ids.map(String), common: known > limit };
      }),
    };
  }

  /** Deletes a collection's whole keyword index (its term sets are found through the chunks' term lists). */
  async drop(collectionId: string): Promise<void> {
    const base = this.base(collectionId);
    let cursor = '0';
    do {
      const [next, entries] = await this.redis.hscan(`${base}chunks`, cursor, 'COUNT', 500);
      cursor = next;
      const terms = new Set<string>();
      for (let i = 1; i < entries.length; i += 2) for (const term of (entries[i] ?? '').split(' ')) if (term) terms.add(term);
      const keys = [...terms].map((term) => `${base}t:${term}`);
      for (let start = 0; start < keys.length; start += 500) await this.redis.unlink(...keys.slice(start, start + 500));
    } while (cursor !== '0');
    await this.redis.unlink(`${base}chunks`, `${base}common`, `${base}meta`);
  }
}
