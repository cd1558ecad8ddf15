# Сенім — категории обращений и статистические поля (по структуре данных Child Helpline International).
# Названия категорий верхнего уровня находятся в main.ftl.

## Подкатегории: пропавшие дети
category-missing-children--child-abduction = Похищение ребёнка
category-missing-children--lost-or-missing = Потерявшийся, пропавший без вести или иным образом отсутствующий ребёнок
category-missing-children--runaway = Самовольный уход (из дома, учреждения)
category-missing-children--other = Другое / не указано

## Подкатегории: насилие
category-violence--bullying = Буллинг (травля)
category-violence--child-marriage = Детский, ранний или принудительный брак
category-violence--child-labour = Эксплуатация детского труда
category-violence--commercial-sexual-exploitation = Коммерческая сексуальная эксплуатация (вне интернета)
category-violence--fgm = Калечащие операции на женских половых органах (КОЖПО)
category-violence--gender-based-harmful-practices = Вредные традиционные практики по признаку пола (кроме КОЖПО)
category-violence--other-harmful-practices = Иные вредные традиционные практики (кроме детского брака и КОЖПО)
category-violence--neglect = Пренебрежение нуждами ребёнка (ненадлежащий уход)
category-violence--online-sexual-abuse = Сексуальное насилие и эксплуатация детей в интернете
category-violence--physical-violence = Физическое насилие
category-violence--psychological-violence = Психологическое (эмоциональное) насилие
category-violence--sexual-violence = Сексуальное насилие
category-violence--other = Другое / не указано

## Подкатегории: психическое здоровье
category-mental-health--substance-use = Зависимое поведение и употребление психоактивных веществ
category-mental-health--behavioural-problems = Проблемы поведения
category-mental-health--concerns-about-self = Переживания о себе (самооценка, восприятие себя)
category-mental-health--anger = Эмоциональное неблагополучие – проблемы с гневом
category-mental-health--fear-and-anxiety = Эмоциональное неблагополучие – страх и тревожность
category-mental-health--mood = Эмоциональное неблагополучие – проблемы с настроением
category-mental-health--neurodevelopmental = Особенности нервно-психического развития
category-mental-health--eating = Нарушения пищевого поведения
category-mental-health--self-harm = Самоповреждающее поведение
category-mental-health--suicidal = Суицидальные мысли и попытки суицида
category-mental-health--traumatic-distress = Травматический стресс
category-mental-health--other = Другое / не указано

## Подкатегории: физическое здоровье
category-physical-health--general-medical = Общие медицинские вопросы
category-physical-health--hiv-aids = ВИЧ/СПИД: медицинская информация и образ жизни
category-physical-health--nutrition = Питание
category-physical-health--pregnancy = Беременность и охрана здоровья матери
category-physical-health--sexual-reproductive-health = Сексуальное и репродуктивное здоровье
category-physical-health--other = Другое / не указано

## Подкатегории: доступ к услугам
category-access-to-services--education = Образование
category-access-to-services--essential-needs = Базовые потребности (жильё, питание, одежда)
category-access-to-services--healthcare-services = Общая медицинская помощь
category-access-to-services--legal-services = Юридическая помощь и консультации
category-access-to-services--mental-health-services = Услуги в области психического здоровья
category-access-to-services--sexual-health-services = Услуги в области сексуального здоровья
category-access-to-services--socio-economic-services = Социально-экономические услуги (социальная помощь)
category-access-to-services--other = Другое / не указано

## Подкатегории: дискриминация и исключение
category-discrimination-and-exclusion--ethnicity = Национальность или этническое происхождение
category-discrimination-and-exclusion--financial-situation = Материальное положение
category-discrimination-and-exclusion--gender = Пол
category-discrimination-and-exclusion--gender-identity-orientation = Гендерная идентичность или её выражение и сексуальная ориентация
category-discrimination-and-exclusion--health = Состояние здоровья
category-discrimination-and-exclusion--beliefs = Мировоззренческие или религиозные убеждения
category-discrimination-and-exclusion--other = Другое / не указано

## Подкатегории: семейные отношения
category-family-relationships--adoption-fostering = Усыновление (удочерение), патронатное воспитание, опека родственников
category-family-relationships--family-health = Здоровье и благополучие семьи
category-family-relationships--general-family = Общие семейные проблемы
category-family-relationships--caregiver = Отношения с родителями (законными представителями)
category-family-relationships--siblings = Отношения с братьями и сёстрами
category-family-relationships--other = Другое / не указано

## Подкатегории: отношения со сверстниками
category-peer-relationships--classmates = Отношения с одноклассниками
category-peer-relationships--friends = Друзья и дружба
category-peer-relationships--partner = Романтические отношения (парень, девушка)
category-peer-relationships--other = Другое / не указано

## Подкатегории: учёба и работа
category-education-and-occupation--academic = Трудности в учёбе (успеваемость)
category-education-and-occupation--work = Проблемы на работе
category-education-and-occupation--teacher-and-school = Проблемы с учителями и школой
category-education-and-occupation--other = Другое / не указано

## Подкатегории: сексуальность
category-sexuality--sexual-behaviours = Сексуальное поведение
category-sexuality--orientation-identity = Сексуальная ориентация и гендерная идентичность
category-sexuality--other = Другое / не указано

## Подкатегории: обращение без консультации
category-non-counselling--parent-questions = Вопросы родителей
category-non-counselling--trust-line-questions = Вопросы о «Ящике доверия» и «Телефоне доверия»
category-non-counselling--other-services-questions = Вопросы о других службах
category-non-counselling--complaints = Жалобы на работу «Ящика доверия» и «Телефона доверия»
category-non-counselling--thanks = Благодарность
category-non-counselling--other = Другое / не указано

## Тип контакта
contact-type-child-about-self = Ребёнок о себе
contact-type-about-a-child = Другой человек о ребёнке
contact-type-silent = Молчащий звонок
contact-type-hang-up = Прерванный звонок
contact-type-prank = Розыгрыш, шутка
contact-type-wrong-number = Ошиблись номером
contact-type-abusive = Оскорбительное обращение
contact-type-thanks = Благодарность
contact-type-questions = Вопросы
contact-type-emergency = Экстренная ситуация

## Принятые меры
intervention-school-counselling = Консультирование силами школы
intervention-resources = Рекомендация полезных ресурсов
intervention-child-protection = Направление в орган по защите прав детей
intervention-healthcare = Направление в организацию здравоохранения
intervention-law-enforcement = Направление в правоохранительные органы
intervention-mental-health-services = Направление в службу психического здоровья
intervention-other-organisations = Направление в другие организации
intervention-school-psychologist = Направление к педагогу-психологу
intervention-other = Другое

## Место происшествия
location-home-own = Собственный дом
location-home-other = Чужое жильё
location-school = Организация образования
location-institution = Учреждение (например, школа-интернат)
location-public-place = Общественное место
location-online = В интернете
location-other = Другое
location-unknown = Неизвестно

## Пол ребёнка
gender-girl = Девочка
gender-boy = Мальчик
gender-unknown = Неизвестно

## Статистические поля
field-subcategory = Подкатегория
field-contact-type = Тип контакта
field-intervention = Принятые меры
field-incident-location = Где это произошло
field-age = Возраст ребёнка (полных лет)
field-gender = Пол ребёнка
field-not-recorded = Не указано
classification-title = Статистические данные обращения
classification-hint = Необязательные поля для ежемесячного анализа, сопоставимые с данными детских телефонов доверия других стран; их можно изменить позже.
classification-save = Сохранить
classification-saved = Сохранено.
