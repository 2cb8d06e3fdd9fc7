// The built-in provider kinds. Each file registers its kind when imported; a new kind is a new
// file and one line here.
import './openai';
import './openai-compatible';
import './anthropic';
import './extractive';
