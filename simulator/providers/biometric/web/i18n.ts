import type { TechnologyCode } from '../schema.js';

/** The flow's languages, spelt as in its `locale` query parameter (kz, not kk). */
export const LOCALES = ['kz', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ru';

export const toLocale = (value: string | undefined): Locale =>
  LOCALES.includes(value as Locale) ? (value as Locale) : DEFAULT_LOCALE;

/** The `lang` attribute: Kazakh is kk in BCP 47. */
export const htmlLang = (locale: Locale) => (locale === 'kz' ? 'kk' : locale);

type Text = Record<Locale, string>;

export const TECHNOLOGY_TITLES: Record<TechnologyCode, Text> = {
  LD: { en: 'Liveness', ru: 'Проверка живости', kz: 'Тірілікті тексеру' },
  LDHP: {
    en: 'Head position liveness',
    ru: 'Проверка живости по положению головы',
    kz: 'Бас қалпы бойынша тірілікті тексеру',
  },
  F2F: { en: 'Face comparison', ru: 'Сравнение лиц', kz: 'Беттерді салыстыру' },
  ED: { en: 'E-Document', ru: 'Электронный документ', kz: 'Электрондық құжат' },
  DR: { en: 'Document recognition', ru: 'Распознавание документа', kz: 'Құжатты тану' },
};

export const TEXTS = {
  title: { en: 'Biometric verification', ru: 'Биометрическая верификация', kz: 'Биометриялық верификация' },
  step: { en: 'Step {n} of {total}', ru: 'Шаг {n} из {total}', kz: '{total} қадамның {n}-қадамы' },
  LD: {
    en: 'Look straight at the camera and keep your face in the frame.',
    ru: 'Смотрите прямо в камеру, лицо должно быть в рамке.',
    kz: 'Камераға тура қараңыз, бетіңіз жақтауда болсын.',
  },
  LDHP: {
    en: 'Turn your head slowly to the left, then to the right.',
    ru: 'Медленно поверните голову влево, затем вправо.',
    kz: 'Басыңызды баяу солға, содан кейін оңға бұрыңыз.',
  },
  F2F: {
    en: 'Your face will be compared with the reference photo.',
    ru: 'Ваше лицо будет сравнено с эталонной фотографией.',
    kz: 'Бетіңіз эталондық фотосуретпен салыстырылады.',
  },
  F2FNoPhoto: {
    en: 'Reference photo: taken from the previous step.',
    ru: 'Эталонное фото: из предыдущего шага.',
    kz: 'Эталондық фото: алдыңғы қадамнан.',
  },
  DR: {
    en: 'Place the front side of your identity card in the frame.',
    ru: 'Поместите лицевую сторону удостоверения личности в рамку.',
    kz: 'Жеке куәліктің алдыңғы жағын жақтауға орналастырыңыз.',
  },
  ED: {
    en: 'Enter your IIN and the phone number registered in the Mobile Citizen Database.',
    ru: 'Введите ИИН и номер телефона, зарегистрированный в базе мобильных граждан.',
    kz: 'ЖСН мен мобильді азаматтар базасында тіркелген телефон нөміріңізді енгізіңіз.',
  },
  iin: { en: 'IIN', ru: 'ИИН', kz: 'ЖСН' },
  phone: { en: 'Phone number', ru: 'Номер телефона', kz: 'Телефон нөмірі' },
  getCode: { en: 'Get code', ru: 'Получить код', kz: 'Код алу' },
  otpPrompt: {
    en: 'Enter the code sent from 1414 to {phone}.',
    ru: 'Введите код, отправленный с номера 1414 на {phone}.',
    kz: '1414 нөмірінен {phone} нөміріне жіберілген кодты енгізіңіз.',
  },
  otp: { en: 'SMS code', ru: 'Код из SMS', kz: 'SMS коды' },
  confirm: { en: 'Confirm', ru: 'Подтвердить', kz: 'Растау' },
  start: { en: 'Start', ru: 'Начать', kz: 'Бастау' },
  cameraAsk: {
    en: 'Allow access to the camera to continue.',
    ru: 'Разрешите доступ к камере, чтобы продолжить.',
    kz: 'Жалғастыру үшін камераға рұқсат беріңіз.',
  },
  cameraOn: { en: 'The camera is on.', ru: 'Камера включена.', kz: 'Камера қосулы.' },
  cameraInsecure: {
    en: 'This browser offers no camera on a plain http address other than localhost; kyc-sim lets you go on without it.',
    ru: 'Браузер не даёт камеру по адресу http, кроме localhost; kyc-sim позволяет продолжить без неё.',
    kz: 'Браузер localhost-тан басқа http мекенжайында камера бермейді; kyc-sim онсыз жалғастыруға мүмкіндік береді.',
  },
  choose: { en: 'Choose how to verify', ru: 'Выберите способ проверки', kz: 'Тексеру тәсілін таңдаңыз' },
  badIin: {
    en: 'The IIN must be 12 digits.',
    ru: 'ИИН должен состоять из 12 цифр.',
    kz: 'ЖСН 12 цифрдан тұруы керек.',
  },
  badPhone: {
    en: 'Enter a valid phone number.',
    ru: 'Введите корректный номер телефона.',
    kz: 'Дұрыс телефон нөмірін енгізіңіз.',
  },
  badOtp: {
    en: 'Wrong code, try again.',
    ru: 'Неверный код, попробуйте ещё раз.',
    kz: 'Код қате, қайта көріңіз.',
  },
  tester: {
    en: 'Simulator: choose the outcome',
    ru: 'Симулятор: выберите результат',
    kz: 'Симулятор: нәтижені таңдаңыз',
  },
  scenarioOutcome: {
    en: 'The scenario says: {outcome}',
    ru: 'По сценарию: {outcome}',
    kz: 'Сценарий бойынша: {outcome}',
  },
  pass: { en: 'Pass', ru: 'Успех', kz: 'Сәтті' },
  fail: { en: 'Fail', ru: 'Ошибка', kz: 'Сәтсіз' },
  reason: { en: 'Failure reason', ru: 'Причина ошибки', kz: 'Қате себебі' },
  apply: { en: 'Apply', ru: 'Применить', kz: 'Қолдану' },
  notFound: { en: 'Session not found', ru: 'Сессия не найдена', kz: 'Сессия табылмады' },
  notFoundText: {
    en: 'Check the link or create a new session.',
    ru: 'Проверьте ссылку или создайте новую сессию.',
    kz: 'Сілтемені тексеріңіз немесе жаңа сессия жасаңыз.',
  },
  used: {
    en: 'This session has already been used',
    ru: 'Эта сессия уже использована',
    kz: 'Бұл сессия қолданылған',
  },
  usedText: {
    en: 'Sessions are one-time: create a new session to verify again.',
    ru: 'Сессии одноразовые: создайте новую сессию для повторной проверки.',
    kz: 'Сессиялар бір реттік: қайта тексеру үшін жаңа сессия жасаңыз.',
  },
  expired: { en: 'This session has expired', ru: 'Срок действия сессии истёк', kz: 'Сессияның мерзімі өтті' },
  expiredText: {
    en: 'Create a new session and open its link again.',
    ru: 'Создайте новую сессию и откройте её ссылку снова.',
    kz: 'Жаңа сессия жасап, сілтемесін қайта ашыңыз.',
  },
  finished: { en: 'Verification finished', ru: 'Проверка завершена', kz: 'Тексеру аяқталды' },
  flowPassed: { en: 'Verification passed', ru: 'Проверка пройдена', kz: 'Тексеруден өтті' },
  flowFailed: { en: 'Verification failed', ru: 'Проверка не пройдена', kz: 'Тексеруден өтпеді' },
  flowNotFound: { en: 'Flow not found', ru: 'Флоу не найден', kz: 'Флоу табылмады' },
  flowInactive: { en: 'The flow is not active', ru: 'Флоу не активен', kz: 'Флоу белсенді емес' },
} satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXTS;

/** The text for `key` in `locale`, with `{name}` placeholders filled. */
export function t(locale: Locale, key: TextKey, values: Record<string, string | number> = {}): string {
  return TEXTS[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
