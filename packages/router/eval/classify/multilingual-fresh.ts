// A second multilingual batch, written AFTER the detector changes that multilingual.ts drove
// (stop 29) and never used to tune them: its figures check whether those changes generalise.
// Other phrasings, other word orders, other documents than the first batch. Leave its misses as
// they are when fixing; write a new batch to measure the next round.
//
// The national numbers are synthetic (random digits drawn until `stdnum` accepts them, another
// seed than multilingual.ts).
import type { HeldOutCase } from './heldout';

const s = (kind: string, message: string): Omit<HeldOutCase, 'id'> => ({ kind, technique: 'plain', expected: 'confidential', message });
const o = (kind: string, message: string): Omit<HeldOutCase, 'id'> => ({ kind, technique: 'plain', expected: 'public', message });

const CASES: Omit<HeldOutCase, 'id'>[] = [
  // --- passwords ---
  s('password-ru', 'Логин: admin\nПароль: Sever_77!okno'),
  s('password-ru', 'скинь мне пароль от роутера, вроде он был kotik2019!!'),
  s('password-ja', '暗証番号は 4821 です。'),
  s('password-ja', 'Wi-Fiのパスワード→ Tokyo_Tower#333'),
  s('password-zh', '服务器root密码：Sh@nghai2025'),
  s('password-zh', '管理员口令为 Beijing!8848'),
  s('password-ko', '패스워드: Busan#2025ok'),
  s('password-ar', 'الرقم السري: 7391'),
  s('password-el', 'κωδικός: Thessaloniki@99'),
  s('password-he', 'סיסמא: Haifa_2025!'),
  s('password-bg', 'Паролата за имейла е Sofia#2025bg'),
  s('password-pl', 'hasło do konta to Krakow!2025pl'),
  s('password-cs', 'Heslo k Wi-Fi: Praha#2025cz'),
  s('password-sv', 'Lösenordet är Malmo#2025se'),
  s('password-fi', 'salasana on Helsinki!2025fi'),
  s('password-tr', 'e-posta şifrem Ankara_2025!tr'),
  s('password-it', 'la password del NAS è Torino#2025it'),
  s('password-de', 'Zugang: Benutzer admin / Passwort Rhein#2025de'),
  s('password-pt', 'a senha do roteador: Lisboa#2025pt'),
  s('password-nl', 'het wachtwoord is Utrecht#2025nl'),
  // --- national numbers ---
  s('id-pl', 'PESEL: 92081017071'),
  s('id-se', 'Personnummer 19790973-9604 (Anna Lind)'),
  s('id-no', 'fnr 14517770192'),
  s('id-dk', 'Mit CPR-nummer er 121189-9027.'),
  s('id-fi', 'hetu: 180981-305L'),
  s('id-ro', 'Cod numeric personal 2941224209974'),
  s('id-tr', 'Kimlik numaram 19964827400, doğrulama için lazım mı?'),
  s('id-il', 'ת.ז. 039935457'),
  s('id-za', 'ID no: 9110227479084'),
  s('id-be', 'Numéro national : 92.10.27-796.08'),
  s('id-ch', 'Meine AHV-Nr. ist 756.6990.2889.70.'),
  s('id-ie', 'PPSN 9946926M'),
  s('id-gr', 'ΑΜΚΑ 12098658300'),
  s('id-ee', 'isikukood: 49118216647'),
  s('id-cz', 'RČ 810315/5687'),
  s('id-ru', 'ИНН: 773069677489'),
  s('id-in', 'My PAN number is LXFPT4000M'),
  s('id-my', 'NRIC 890910-10-0497'),
  s('id-si', 'EMŠO: 1808987501503'),
  s('id-de', 'Sozialversicherungsnummer 12130486D274'),
  s('id-pk', 'CNIC no 42350-2899062-6'),
  s('id-ar', 'Mi CUIT es 20-24011493-4'),
  s('dob-ru', 'Дата рождения: 12.04.1988'),
  s('dob-ja', '生年月日：1990/07/15'),
  s('dob-hu', 'Születési dátum: 1979.03.02.'),

  // --- ordinary text ---
  o('howto-ru', 'Пароль должен содержать не менее 8 символов, включая цифры.'),
  o('howto-ru', 'Пароль: обязательно, не короче 12 символов.'),
  o('howto-ja', 'パスワードの有効期限: 2025-12-31'),
  o('howto-ja', 'パスワード再設定のURL: https://example.com/reset'),
  o('howto-zh', '密码错误次数超过5次后，账户将被锁定30分钟。'),
  o('howto-ko', '비밀번호 변경 주기: 90일'),
  o('howto-ar', 'يجب أن تتكون كلمة المرور من 8 أحرف على الأقل.'),
  o('howto-el', 'Ο κωδικός πρόσβασης πρέπει να έχει τουλάχιστον 8 χαρακτήρες.'),
  o('howto-he', 'הסיסמה חייבת להכיל לפחות 8 תווים.'),
  o('howto-it', 'La parola chiave è importante per il posizionamento.'),
  o('howto-tr', 'Şifre en az 8 karakter olmalıdır.'),
  o('howto-no', 'Passordet må ha minst 12 tegn.'),
  o('about-id-pl', 'PESEL składa się z 11 cyfr, a ostatnia jest cyfrą kontrolną.'),
  o('about-id-de', 'Die Sozialversicherungsnummer steht auf dem Sozialversicherungsausweis, 12 Stellen.'),
  o('about-id-ie', 'You need a PPS number to work in Ireland; apply at an Intreo centre, 2 to 3 weeks.'),
  o('company-tr', 'Fatura: ABC Ltd. Şti., Vergi Dairesi Kadıköy, Vergi No 1234567890, tutar 12.500 TL.'),
  o('company-se', 'Org.nr 556036-0793, Volvo Personvagnar AB, Göteborg.'),
  o('imprint-at', 'Firmensitz: Beispiel GmbH, Mariahilfer Straße 10, 1070 Wien, FN 123456a'),
  o('imprint-es', 'Ejemplo S.L., Calle Mayor 5, 28013 Madrid, CIF B12345678'),
  o('imprint-it', 'Esempio S.r.l., Via Roma 10, 00184 Roma, P.IVA 01234567890'),
  o('signature-pl', 'Pozdrawiam, Dział Obsługi Klienta, Przykład Sp. z o.o., ul. Marszałkowska 1, 00-624 Warszawa'),
  o('shipping-fi', 'Lähetystunnus JJFI64512300012345678, toimitus 2–3 arkipäivää.'),
  o('schedule-da', 'Mødet er flyttet til torsdag kl. 14.00 i lokale 3.12.'),
  o('schedule-ro', 'Ședința de mâine începe la ora 10:00 în sala 2.'),
  o('news-ru', 'ЦБ сохранил ключевую ставку на уровне 16% годовых.'),
  o('recipe-ja', '小麦粉200g、砂糖50g、卵2個を混ぜて180℃で20分焼きます。'),
  o('weather-zh', '明天北京晴，最高气温25℃，最低气温14℃。'),
  o('history-pl', 'Maria Skłodowska-Curie urodziła się 7 listopada 1867 roku w Warszawie.'),
];

/** Fixed, not seeded. */
export const MULTILINGUAL_FRESH: HeldOutCase[] = CASES.map((item, n) => ({ id: `mlf.${item.kind}.${n}`, ...item }));
