// The secret-shape rules. Derived from the maintained rule sets rather than written from memory:
//   - `secretlint`: every scanner in @secretlint/secretlint-rule-preset-recommend 13.x (AWS, GCP,
//     private keys, npm, basic auth, Slack, SendGrid, Shopify, Stripe, GitHub, GitLab, Grafana,
//     OpenAI, Anthropic, Groq, Hugging Face, Linear, Notion, 1Password, database connection
//     strings, HashiCorp Vault, Vercel, Databricks, Docker, Figma, Cloudflare, Tailscale);
//   - `gitleaks`: widely leaked kinds the preset lacks (Google API keys, Azure storage keys,
//     Twilio, Mailgun, Mailchimp, Square, DigitalOcean, PyPI, Discord, Telegram, Atlassian, JWTs,
//     bearer tokens, `.env`-style KEY/SECRET/TOKEN/PASSWORD assignments).
// secretlint's engine is asynchronous and built for files, so its patterns are carried over as a
// table. Lengths are loosened where its rule insists on an exact length or an internal marker
// (OpenAI's `T3BlbkFJ`), because routing must also catch a truncated or pasted-in-part key.
// src/detectors/secret-rules.test.ts runs secretlint itself over generated keys and checks this
// table flags everything secretlint flags.
//
// Documented example values are not secrets: AWS's `AKIAIOSFODNN7EXAMPLE` and
// `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` (secretlint's own built-in allow list), values with
// `EXAMPLE`, `your`, `xxxx`, `<...>`, `${...}`, `***`, `changeme`, `placeholder` ... in them, and
// values with almost no variety (`aaaaaaaa…`).

export interface SecretRule {
  kind: string;
  what: string;
  /** Global pattern; when `value` is set, that capture group is the secret value itself. */
  pattern: RegExp;
  value?: number;
  /**
   * Literals every match contains (at least one of them; in any case for a case-insensitive
   * pattern). The pattern runs only on a text that may hold one (TextView.mayContain), which
   * costs a few lookups where a scan of a long text costs a pass over it.
   */
  hint?: readonly string[];
  /** A rule keyed on a name rather than a shape: its value must also look random. */
  generic?: boolean;
  /** A further check on the text right after the match (a key block must have a body). */
  followedBy?: RegExp;
  /** Where the rule comes from. */
  source: 'secretlint' | 'gitleaks';
}

// A key block's body: sixteen base64 characters in a row, where the body starts: right after the
// header line, past blank space, escaped line breaks ("\\n" in a JSON string), the quotes and
// plus signs of a string split over lines, and an encrypted key's Proc-Type/DEK-Info headers. A
// documented "-----BEGIN PRIVATE KEY-----\n...\n-----END" placeholder has none, nor does code that
// only looks for the header (`pem.startsWith("-----BEGIN PRIVATE KEY-----")`).
const KEY_BODY = /^(?:\s|\\[nr]|["'`+,]|(?:Proc-Type|DEK-Info|Comment): ?[^\n]{0,200}\n)*[A-Za-z0-9+/]{16}/;
export const FOLLOWED_BY_CHARS = 400;

// Keys start where no letter, digit or key character precedes them.
const START = '(?<![A-Za-z0-9_-])';
const END = '(?![A-Za-z0-9_-])';
const rule = (kind: string, what: string, source: SecretRule['source'], hint: readonly string[] | undefined, pattern: string, flags = 'g', value?: number, generic = false): SecretRule => ({
  kind,
  what,
  source,
  hint,
  pattern: new RegExp(pattern, flags),
  value,
  generic,
});

export const SECRET_RULES: readonly SecretRule[] = [
  rule('secret.aws_key', 'an AWS access key', 'secretlint', ['A3T', 'AKIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ASIA'], `${START}(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}${END}`),
  rule(
    'secret.aws_secret',
    'an AWS secret access key',
    'secretlint',
    ['secret'], `(?:aws[ _-]?)?secret[ _-]?(?:access[ _-]?)?key["']? {0,3}(?::|=>|=| is) {0,3}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    'gi',
    1,
  ),
  rule('secret.google_api_key', 'a Google API key', 'gitleaks', ['AIza'], `${START}AIza[0-9A-Za-z_-]{35}${END}`),
  { ...rule('secret.private_key', 'a private key block', 'secretlint', ['PRIVATE KEY'], `-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----`), followedBy: KEY_BODY },
  rule('secret.private_key', 'a private key block', 'gitleaks', ['PuTTY-User-Key-File-'], `PuTTY-User-Key-File-\\d: `),
  rule('secret.npm_token', 'an npm token', 'secretlint', ['npm_'], `${START}npm_[A-Za-z0-9]{30,}${END}`),
  rule('secret.npm_token', 'an npm token', 'secretlint', ['_authToken='], `_authToken=([^\\s$"']{16,})`, 'g', 1),
  rule('secret.slack_token', 'a Slack token', 'secretlint', ['xox', 'xapp-'], `${START}(?:xox[abposr]|xapp)-(?:\\d-)?[A-Za-z0-9-]{10,}`),
  rule('secret.slack_webhook', 'a Slack webhook URL', 'secretlint', ['hooks.slack.com/'], `https://hooks\\.slack\\.com/(?:services|workflows)/T[A-Za-z0-9]{1,40}/[A-Za-z0-9]{1,40}/[A-Za-z0-9]{1,40}`),
  rule('secret.sendgrid_key', 'a SendGrid API key', 'secretlint', ['SG.'], `${START}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{16,64}`),
  rule('secret.shopify_token', 'a Shopify token', 'secretlint', ['shp'], `${START}shp(?:pa|ca|at|ss)_[A-Za-z0-9]{32,64}${END}`),
  rule('secret.stripe_key', 'a Stripe secret key', 'secretlint', ['_live_', '_test_'], `${START}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,99}${END}`),
  rule('secret.github_token', 'a GitHub token', 'secretlint', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], `${START}(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{30,255}|github_pat_[A-Za-z0-9_]{22,255})${END}`),
  rule('secret.gitlab_token', 'a GitLab token', 'secretlint', ['glpat-', 'gldt-', 'glrt-', 'glcbt-', 'glptt-', 'glft-', 'glsoat-'], `${START}(?:glpat|gldt|glrt|glcbt|glptt|glft|glsoat)-[A-Za-z0-9_-]{20,128}${END}`),
  rule('secret.grafana_token', 'a Grafana token', 'secretlint', ['glc_', 'glsa_'], `${START}(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})`),
  rule('secret.anthropic_key', 'an Anthropic API key', 'secretlint', ['sk-ant-'], `${START}sk-ant-[A-Za-z0-9_-]{20,}`),
  rule('secret.openai_key', 'an OpenAI API key', 'secretlint', ['sk-'], `${START}sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}`),
  rule('secret.groq_key', 'a Groq API key', 'secretlint', ['gsk_'], `${START}gsk_[A-Za-z0-9]{40,}${END}`),
  rule('secret.huggingface_token', 'a Hugging Face token', 'secretlint', ['hf_'], `${START}hf_[A-Za-z0-9]{30,}${END}`),
  rule('secret.linear_key', 'a Linear API key', 'secretlint', ['lin_api_', 'lin_oauth_'], `${START}lin_(?:api|oauth)_[A-Za-z0-9_]{32,128}${END}`),
  rule('secret.notion_token', 'a Notion token', 'secretlint', ['ntn_', 'secret_'], `${START}(?:ntn_\\d{11}[A-Za-z0-9]{30,}|secret_[A-Za-z0-9]{43})${END}`),
  rule('secret.onepassword_token', 'a 1Password service account token', 'secretlint', ['ops_ey'], `${START}ops_ey[A-Za-z0-9+/=]{100,1280}`),
  rule('secret.vault_token', 'a HashiCorp Vault token', 'secretlint', ['hvs.', 'hvb.', 'hvr.'], `${START}hv[sbr]\\.[A-Za-z0-9_-]{24,300}${END}`),
  rule('secret.vercel_token', 'a Vercel token', 'secretlint', ['vcp_', 'vci_', 'vck_', 'vca_', 'vcr_'], `${START}vc[pikar]_[A-Za-z0-9]{20,60}${END}`),
  rule('secret.databricks_token', 'a Databricks token', 'secretlint', ['dapi'], `${START}dapi[a-f0-9]{32}(?:-\\d)?${END}`),
  rule('secret.docker_token', 'a Docker access token', 'secretlint', ['dckr_pat_'], `${START}dckr_pat_[A-Za-z0-9_-]{20,}`),
  rule('secret.figma_token', 'a Figma token', 'secretlint', ['figd_'], `${START}figd_[A-Za-z0-9_-]{40,200}`),
  rule('secret.cloudflare_token', 'a Cloudflare token', 'secretlint', ['cfk_', 'cfut_', 'cfat_'], `${START}(?:cfk|cfut|cfat)_[A-Za-z0-9]{40,48}${END}`),
  rule('secret.tailscale_key', 'a Tailscale key', 'secretlint', ['tskey-'], `${START}tskey-[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60}`),
  rule(
    'secret.connection_string',
    'a connection string with a password',
    'secretlint',
    ['://'], `(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{1,20}://[^\\s:/@"']{1,64}:([^\\s@/"']{3,128})@[^\\s/"']{1,255}`,
    'gi',
    1,
  ),
  rule('secret.azure_storage_key', 'an Azure storage account key', 'gitleaks', ['AccountKey='], `\\bAccountKey=([A-Za-z0-9+/]{80,90})`, 'g', 1),
  rule('secret.azure_sas', 'an Azure shared access signature', 'gitleaks', ['sig='], `[?&]sig=([A-Za-z0-9%+/]{30,100}={0,2})`, 'g', 1),
  rule('secret.twilio_key', 'a Twilio API key', 'gitleaks', ['SK'], `${START}SK[0-9a-fA-F]{32}${END}`),
  rule('secret.mailgun_key', 'a Mailgun API key', 'gitleaks', ['key-'], `${START}key-[0-9a-f]{32}${END}`),
  rule('secret.mailchimp_key', 'a Mailchimp API key', 'gitleaks', ['-us'], `${START}[0-9a-f]{32}-us\\d{1,2}${END}`),
  rule('secret.square_token', 'a Square token', 'gitleaks', ['sq0atp-', 'sq0csp-', 'EAAA'], `${START}(?:sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43}|EAAA[A-Za-z0-9_-]{60})${END}`),
  rule('secret.digitalocean_token', 'a DigitalOcean token', 'gitleaks', ['_v1_'], `${START}do[opr]_v1_[a-f0-9]{64}${END}`),
  rule('secret.pypi_token', 'a PyPI token', 'gitleaks', ['pypi-AgEIcHlwaS5vcmc'], `${START}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}`),
  rule('secret.discord_token', 'a Discord bot token', 'gitleaks', undefined, `${START}[MN][A-Za-z0-9]{23,25}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38}${END}`),
  rule('secret.discord_webhook', 'a Discord webhook URL', 'gitleaks', ['/api/webhooks/'], `https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{5,30}/[A-Za-z0-9_-]{20,100}`),
  rule('secret.telegram_token', 'a Telegram bot token', 'gitleaks', [':AA'], `${START}\\d{8,10}:AA[0-9A-Za-z_-]{30,40}${END}`),
  rule('secret.atlassian_token', 'an Atlassian API token', 'gitleaks', ['ATATT3', 'ATCTT3'], `${START}AT(?:ATT|CTT)3[A-Za-z0-9_=-]{100,300}`),
  rule('secret.jwt', 'a JSON Web Token', 'gitleaks', ['eyJ'], `${START}eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}`),
  rule('secret.bearer_token', 'a bearer token', 'gitleaks', ['bearer'], `\\bbearer {1,3}([A-Za-z0-9_~+/.=-]{20,})`, 'gi', 1, true),
  rule(
    'secret.api_key_assignment',
    'an API key or secret value',
    'gitleaks',
    ['key', 'secret', 'token'], `\\b(?:api[_-]?key|api[_-]?secret|apikey|secret[_-]?key|access[_-]?key|access[_-]?token|auth[_-]?token|refresh[_-]?token|client[_-]?secret|app[_-]?secret|signing[_-]?key|encryption[_-]?key|private[_-]?key|webhook[_-]?secret|token|secret)["']? {0,3}(?::|=>|=|:=) {0,3}["']?([A-Za-z0-9_./+=~-]{12,})`,
    'gi',
    1,
    true,
  ),
  rule(
    'secret.api_key_assignment',
    'an API key or secret value',
    'gitleaks',
    ['_KEY', '_SECRET', '_TOKEN', '_PASS', '_PWD', '_CREDENTIAL'], `(?<![A-Za-z0-9_])[A-Z][A-Z0-9]{0,20}(?:_[A-Z0-9]{1,20}){0,4}_(?:KEY|SECRET|TOKEN|PASSWORD|PASSWD|PWD|PASS|CREDENTIALS?)(?![A-Za-z0-9_]) {0,3}[:=] {0,3}["']?([^\\s"']{8,})`,
    'g',
    1,
    true,
  ),
];

const KNOWN_EXAMPLES = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
const PLACEHOLDER_WORDS = new Set(['password', 'passwd', 'pass', 'secret', 'pwd', 'admin', 'root', 'test', 'user', 'username', 'token', 'apikey', 'none', 'null', 'undefined', 'empty']);
const DIGIT = /\d/;
const LETTER = /[A-Za-z]/;
const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
// "process.env.GITHUB_TOKEN", "config.auth.clientSecret": a reference in code to where a secret lives.
const CODE_PATH = /^[A-Za-z_$]{1,40}(?:\.[A-Za-z_$]{1,40}){1,6}$/;
// "urn:ietf:params:oauth:token-type:jwt": a name in a standard's namespace, not a key.
const URN = /^urn:[a-z0-9-]{1,32}:/i;
// Long placeholder words anywhere; short ones ("your", "todo") only as words of their own
// ("sk-your-key-here", "YOUR_API_KEY"), since a random key holds three- and four-letter runs by chance.
const PLACEHOLDER =
  /example|placeholder|redacted|changeme|change_me|replace_?me|xxxx|\*{3}|\$\{|\{\{|%[A-Z_]{3,}%|\.\.\.|[<>]|(?:^|[^A-Za-z0-9])(?:your|dummy|sample|fake|todo|tbd|insert|here)(?:$|[^A-Za-z0-9])/i;

/** Is this matched value a documented example or a placeholder rather than a real secret? */
export function placeholderSecret(value: string): boolean {
  if (KNOWN_EXAMPLES.has(value) || PLACEHOLDER_WORDS.has(value.toLowerCase()) || PLACEHOLDER.test(value)) return true;
  // Real keys are random: a value of only a few distinct characters is someone's filler.
  return new Set(value).size < Math.min(6, Math.ceil(value.length / 3));
}

/** For rules keyed on a name ("api_key=", "Bearer"): does the value look machine-made? */
export function looksRandom(value: string): boolean {
  if (CODE_PATH.test(value) || URN.test(value)) return false;
  if (DIGIT.test(value) && LETTER.test(value)) return true;
  return value.length >= 24 && LOWER.test(value) && UPPER.test(value) && new Set(value).size >= 12;
}

export const SECRET_RULE_PATTERNS: readonly RegExp[] = [...SECRET_RULES.map((r) => r.pattern), KEY_BODY, PLACEHOLDER, DIGIT, LETTER, LOWER, UPPER, CODE_PATH, URN];
