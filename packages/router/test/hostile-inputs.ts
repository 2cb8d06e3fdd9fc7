// Hostile classifier inputs of 100,000 characters (the message size limit): runs that make
// backtracking patterns blow up, and mixes of them. Used by src/linear-time.test.ts and bench/router.
const LENGTH = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

/** Hostile inputs: runs that make backtracking patterns blow up, and mixes of them. */
export const HOSTILE_INPUTS: Record<string, string> = {
  digits: fill('1'),
  newlines: fill('\n'),
  nbspLines: fill('\u00a0\n'),
  aDot: fill('a.'),
  at: fill('@'),
  oneDash: fill('1-'),
  spaces: fill(' '),
  fParen: fill('f('),
  abcSpace: fill('Abc '),
  mixed: fill('a1 @.-\n\u00a0f(Abc '),
  spacedDigits: fill('4 '),
  spacedLetters: fill('a '),
  cardBlocks: fill('4111 '),
  plusOne: fill('+1 '),
  emailLike: fill('a.b@c.de '),
  base64Like: fill('QUtJQV'),
  names: fill('John Smith '),
  passwordIs: fill('password is '),
  zeroWidth: fill('1\u200b'),
  tagCharacters: fill('\u{E0041}'),
  cyrillic: fill('а'),
  longNumbers: fill('12345678901234567890 '),
  percentEscapes: fill('%41'),
  percentMixed: fill('a%20b%E2%80%8B '),
  accountCues: fill('account # 1 bank '),
  documentCues: fill('DL# '),
  // Runs for the decodings of decodings.ts: each builds a view of its own.
  codeEscapes: fill('\\u0041'),
  joinedLiterals: fill("'a'+"),
  characterReferences: fill('&#65;'),
  spelledDigits: fill('one '),
  quotedPrintable: fill('=41'),
  ascii85: fill('<~87cURD]i,"Ebo80~>'),
  base32: fill('JBSWY3DP'),
  gzipBase64: fill('H4sIAAAA'),
  oneByOne: fill('a.'),
  emojiBetweenDigits: fill('4🔒'),
  dotAt: fill('john dot smith at example dot com '),
  groupedKey: fill('ghp_ ABCD '),
  markedKey: fill('`a`'),
  // The words the national-numbers and written-text detectors look from, each followed by a value.
  nationalNumberWords: fill('PESEL 85011601681 '),
  nationalNumberGroups: fill('pesel 12 34 56 78 90 '),
  scriptPasswordWords: fill('пароль: abc1 '),
  scriptRecords: fill('Иван Петров диагноз 王小明被诊断 '),
};

