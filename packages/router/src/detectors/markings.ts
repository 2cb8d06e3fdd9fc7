// Explicit markings: a label someone put on the text. "Confidential" counts as a marking when it
// is written as one — in capitals, as a banner line ("Confidential:", "** STRICTLY CONFIDENTIAL **"),
// qualified ("strictly confidential", "company confidential"), or said of the text itself ("this
// memo is confidential") — not when a sentence merely talks about confidentiality ("how do I mark
// a file confidential?", "salary information must be kept confidential").
import { registerDetector, registerSharedPatterns, type Finding } from './registry';
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
    hint: ['confiden', 'vertr', 'riservato', 'private ', 'poufne', 'tajne', 'duverne', 'konfiden', 'bizalmas', 'gizli', 'fortrolig', 'luottamuk', 'salainen', 'zaupno'],
    sensitivity: 'confidential',
    what: 'a "confidential" marking',
    patterns: [
      // CONFIDENTIAL in capitals, anywhere
      /\bCONFIDENTIAL\b|\bVERTRAULICH\b|\bCONFIDENTIEL\b|\bCONFIDENCIAL\b|\bVERTROUWELIJK\b|\bRISERVATO\b|\bPOUFNE\b|\bSCISLE TAJNE\b|\bDUVERNE\b|\bKONFIDENCIALNE\b|\bBIZALMAS\b|\bGIZLI\b|\bKONFIDENTIELLT\b|\bFORTROLIGT?\b|\bLUOTTAMUKSELLINEN\b|\bSALAINEN\b|\bCONFIDENTIAL[AE]?\b|\bKONFIDENCIJALNO\b|\bZAUPNO\b/,
      new RegExp(
        [
          // a banner line: "Confidential", "Confidential:", "[Confidential]", "## Confidential —"
          `^[ \\t]{0,8}[[(*_#>|-]{0,6}[ \\t]{0,4}${BANNER_WORD}[ \\t]{0,4}(?:[\\]):*_|.!—-]|$)`,
          // qualified
          '\\b(?:strictly|highly|company|business) confidential\\b|\\b(?:streng|strikt) vertraulich\\b|\\bstrictement confidentiel(?:le)?\\b|\\bestrictamente confidencial\\b|\\bstrettamente (?:riservat[oa]|confidenziale)\\b|\\bstrikt vertrouwelijk\\b|\\bscisle poufne\\b|\\bstrengt fortroligt?\\b|\\bstrikt konfidentiellt\\b|\\b(?:private|confidential) (?:and|&) (?:confidential|proprietary|privileged)\\b',
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
    hint: ['intern', 'not for ', 'wewnetrz', 'belso', 'dahili', 'sisaiseen', 'interni'],
    sensitivity: 'internal',
    what: 'an "internal only" marking',
    patterns: [
      /^[ \t]{0,8}[[(*_#>|-]{0,6}[ \t]{0,4}INTERNAL\b(?! SERVER)/m,
      /\b(?:internal(?: use)? only|for internal (?:use|distribution)|not for (?:external|public) (?:use|distribution|release)|internal[- ]use[- ]only|nur fur den internen gebrauch|nur intern|nur zur internen verwendung|usage interne|a usage interne|interne uniquement|(?:solo |solamente )?para uso interno|uso interno|solo per uso interno|ad uso interno|alleen (?:voor )?intern(?: gebruik)?|somente para uso interno|tylko do (?:uzytku )?wewnetrznego(?: uzytku)?|do uzytku wewnetrznego|endast for internt bruk|kun til intern(?:t)? (?:brug|bruk)|vain sisaiseen kayttoon|csak belso (?:hasznalatra|felhasznalasra)|pouze pro interni (?:potrebu|pouziti)|doar pentru uz intern|sadece (?:dahili|sirket ici) kullanim)\b/i,
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

// Markings in other scripts, read in the text as written (written.ts). A CJK word is a marking as
// a banner: in brackets, or at the start of a line before a colon or a closing bracket ("【極秘】",
// "机密文件：…"), not inside a sentence ("機密情報の取り扱いに関する研修"). Cyrillic, Greek and
// Hebrew ones are markings in capitals, as CONFIDENTIAL is, or as a banner.
const SCRIPT_MARKINGS: { kind: string; sensitivity: Sensitivity; what: string; pattern: RegExp }[] = [
  {
    kind: 'marking.confidential',
    sensitivity: 'confidential',
    what: 'a "confidential" marking',
    pattern:
      /[【[「『(（]\s*(?:極秘|厳秘|秘|機密|机密|绝密|絕密|秘密|대외비|기밀|극비)(?:文書|文件|資料|资料|情報|信息)?\s*[】\]」』)）]|^[ \t]*(?:極秘|厳秘|機密|机密|绝密|絕密|秘密|대외비|기밀|극비)(?:文書|文件|資料|资料|情報|信息|문서)?[ \t]*[:：]|(?<!\p{L})(?:КОНФИДЕНЦИАЛЬНО|СЕКРЕТНО|СОВЕРШЕННО СЕКРЕТНО|КОММЕРЧЕСКАЯ ТАЙНА|ΕΜΠΙΣΤΕΥΤΙΚΟ|ΑΠΟΡΡΗΤΟ)(?!\p{L})|^[ \t]*(?:конфиденциально|секретно|коммерческая тайна|εμπιστευτικό|απόρρητο|סודי(?: ביותר)?|سري(?: للغاية)?)[ \t]*[:：-]/imu,
  },
  {
    kind: 'marking.internal',
    sensitivity: 'internal',
    what: 'an "internal only" marking',
    pattern:
      /[【[「『(（]\s*(?:社外秘|部外秘|社内限り|社内限定|内部资料|内部資料|内部文件|仅供内部使用|僅供內部使用|仅限内部|사내용|내부용|사내 한정)\s*[】\]」』)）]|^[ \t]*(?:社外秘|部外秘|社内限り|社内限定|内部资料|内部資料|内部文件|仅供内部使用|僅供內部使用|仅限内部使用|사내용|내부용|사내 한정|для служебного пользования|только для внутреннего использования|ДСП|μόνο για εσωτερική χρήση|לשימוש פנימי(?: בלבד)?)[ \t]*[:：-]|(?:только для внутреннего использования|для служебного пользования|μόνο για εσωτερική χρήση|לשימוש פנימי בלבד)/imu,
  },
];

/** Markings written in other scripts, in the text as written (NFKC). */
export function findScriptMarkings(written: string): Finding[] {
  return SCRIPT_MARKINGS.filter((marking) => marking.pattern.test(written)).map(({ kind, sensitivity, what }) => ({ kind, sensitivity, what }));
}

registerSharedPatterns('markings-scripts', SCRIPT_MARKINGS.map((marking) => marking.pattern));

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
