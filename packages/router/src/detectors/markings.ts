// Explicit markings: a label someone put on the text. "Confidential" counts as a marking when it
// is written as one — in capitals, as a banner line ("Confidential:", "** STRICTLY CONFIDENTIAL **"),
// qualified ("strictly confidential", "company confidential"), or said of the text itself ("this
// memo is confidential") — not when a sentence merely talks about confidentiality ("how do I mark
// a file confidential?", "salary information must be kept confidential").
import { registerDetector, type Finding } from './registry';
import type { TextView } from './text-view';
import type { Sensitivity } from '../types';

export interface Marking {
  kind: string;
  sensitivity: Sensitivity;
  what: string;
  /** The marking is there when any of these match. */
  patterns: RegExp[];
  /** Literals every match contains, in any case (one of them): the patterns run only when the text may hold one. */
  hint: readonly string[];
}

const BANNER_WORD =
  '(?:(?:strictly |highly |company |business |private (?:and|&) )?confidential|vertraulich|(?:streng|strikt) vertraulich|(?:strictement |hautement )?confidentiel|estrictamente confidencial|strettamente (?:riservato|confidenziale)|confidencial|riservato|vertrouwelijk)';

export const MARKINGS: readonly Marking[] = [
  {
    kind: 'marking.confidential',
    hint: ['confiden', 'vertr', 'riservato', 'private '],
    sensitivity: 'confidential',
    what: 'a "confidential" marking',
    patterns: [
      // CONFIDENTIAL in capitals, anywhere
      /\bCONFIDENTIAL\b|\bVERTRAULICH\b|\bCONFIDENTIEL\b|\bCONFIDENCIAL\b|\bVERTROUWELIJK\b|\bRISERVATO\b/,
      new RegExp(
        [
          // a banner line: "Confidential", "Confidential:", "[Confidential]", "## Confidential —"
          `^[ \\t]{0,8}[[(*_#>|-]{0,6}[ \\t]{0,4}${BANNER_WORD}[ \\t]{0,4}(?:[\\]):*_|.!—-]|$)`,
          // qualified
          '\\b(?:strictly|highly|company|business) confidential\\b|\\b(?:private|confidential) (?:and|&) (?:confidential|proprietary|privileged)\\b',
          // said of the text itself
          '\\b(?:this|the attached|attached|the following|these|this (?:document|memo|email|e-mail|message|information|report|deck|file|note|letter|presentation|draft|page)) (?:is|are|remains?) (?:strictly |highly )?confidential\\b',
          '\\b(?:classified|labell?ed) (?:as )?(?:strictly |highly )?confidential\\b',
        ].join('|'),
        'im',
      ),
    ],
  },
  {
    kind: 'marking.nda',
    hint: ['nda', 'non-disclosure'],
    sensitivity: 'confidential',
    what: 'an NDA marking',
    patterns: [
      /\b(?:under|covered by|subject to|bound by|protected by) {1,3}(?:an? |the |our |my )?(?:mutual )?(?:NDA|non-disclosure agreement)\b|\bNDA[- ](?:protected|restricted|only)\b/i,
    ],
  },
  {
    kind: 'marking.privileged',
    hint: ['privileged', 'attorney'],
    sensitivity: 'confidential',
    what: 'a legal privilege marking',
    patterns: [
      /\b(?:attorney[- ]client privileged?|privileged (?:and|&) confidential|legally privileged|attorney work product)\b/i,
    ],
  },
  {
    kind: 'marking.internal',
    hint: ['intern', 'not for '],
    sensitivity: 'internal',
    what: 'an "internal only" marking',
    patterns: [
      /^[ \t]{0,8}[[(*_#>|-]{0,6}[ \t]{0,4}INTERNAL\b(?! SERVER)/m,
      /\b(?:internal(?: use)? only|for internal (?:use|distribution)|not for (?:external|public) (?:use|distribution|release)|internal[- ]use[- ]only|nur fur den internen gebrauch|nur intern|nur zur internen verwendung|usage interne|a usage interne|interne uniquement|(?:solo |solamente )?para uso interno|uso interno|solo per uso interno|ad uso interno|alleen (?:voor )?intern(?: gebruik)?|somente para uso interno)\b/i,
    ],
  },
  {
    kind: 'marking.do_not_distribute',
    hint: ['do not', 'not for distribution', 'ne pas diffuser', 'nicht weitergeben', 'no distribuir', 'non divulgare', 'niet verspreiden'],
    sensitivity: 'internal',
    what: 'a "do not distribute" marking',
    patterns: [/\b(?:do not (?:distribute|forward|share externally)|not for distribution|ne pas diffuser|nicht weitergeben|no distribuir|non divulgare|niet verspreiden)\b/i],
  },
  {
    kind: 'marking.proprietary',
    hint: ['proprietary'],
    sensitivity: 'internal',
    what: 'a "proprietary" marking',
    patterns: [/\bproprietary (?:and confidential|information|[-–—] )|\bPROPRIETARY\b/, /\b(?:proprietary (?:and|&) internal|internal (?:and|&) proprietary)\b/i],
  },
];

export function markingFindings(view: TextView): Finding[] {
  return MARKINGS.filter((marking) => view.mayContain(marking.hint, true) && marking.patterns.some((pattern) => pattern.test(view.text))).map(
    ({ kind, sensitivity, what }) => ({ kind, sensitivity, what }),
  );
}

registerDetector({
  id: 'markings',
  patterns: MARKINGS.flatMap((marking) => marking.patterns),
  detect: markingFindings,
});
