// The second batch of prompts for the first twelve domains (appended after the first batch).
export { analysis } from './analysis';
export { chitchat } from './chitchat';
export { code } from './code';
export { data } from './data';
export { lookup } from './lookup';
export { math } from './math';
export { multipart } from './multipart';
export { planning } from './planning';
export { science } from './science';
export { summarisation } from './summarisation';
export { translation } from './translation';
export { writing } from './writing';
