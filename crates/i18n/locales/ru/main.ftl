# Сенім — русский интерфейс.

app-name = Сенім
app-tagline = Журнал регистрации обращений «Ящика доверия» и «Телефона доверия»
skip-to-content = Перейти к содержимому

## Навигация
nav-journal = Журнал
nav-register = Зарегистрировать обращение
nav-users = Учётные записи сотрудников
nav-monitoring = Сроки
nav-directory = Организации
nav-password = Пароль
nav-sign-out = Выйти
nav-language = Язык
nav-signed-in-as = Вход выполнен: { $name }

## Вход
signin-title = Вход в систему
signin-login = Логин
signin-password = Пароль
signin-submit = Войти
signin-failed = Неверный логин или пароль.
signin-held = В последнее время слишком много неверных попыток для этого логина или из этой сети. Подождите 15 минут или войдите из браузера, которым обычно пользуетесь.
signin-busy = Сенім сейчас проверяет слишком много входов. Повторите через несколько секунд.
signin-hint = В Сенім хранятся обращения детей. Входите только с компьютера, которому доверяете, и выходите, когда отходите от него.

## Журнал
journal-title = Журнал регистрации обращений
journal-year = Год
journal-count = { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[other] { $count } записей
}
journal-empty = В этом году обращений ещё не зарегистрировано.
journal-nothing-found = Под фильтр не подходит ни одна запись.
journal-page = Записи { $from }–{ $to } из { $total }
journal-previous = Новее
journal-next = Старше
col-number = Порядковый номер
col-received = Дата и время поступления
col-applicant = ФИО, адрес, контактный телефон заявителя
col-summary = Краткое содержание
col-forwarded = Куда направлено / срок рассмотрения
col-outcome = Результат рассмотрения
filter-title = Фильтр
filter-channel = Канал
filter-any = Все
filter-anonymous = Заявитель
filter-only-anonymous = Только анонимные
filter-only-named = Только с заявителем
filter-text = Текст
filter-apply = Показать
filter-reset = Сбросить
mark-anonymous = анонимно
mark-corrected-by = исправлено записью № { $number } ({ $year })
mark-correction-of = исправление записи № { $number } ({ $year })
open-appeal = Открыть обращение № { $number }

## Регистрация
register-title = Регистрация обращения
register-intro = Номер присваивается при нажатии «Зарегистрировать»: нумерация начинается с 1 каждое 1 января.
field-channel = Канал поступления
field-received-at = Дата и время поступления (время Казахстана)
field-received-at-hint = По умолчанию — сейчас. Для голосового сообщения, оставленного в выходные, укажите более раннее время.
field-anonymous = Анонимное обращение (данные заявителя не записываются)
field-applicant = Заявитель
field-full-name = ФИО
field-address = Адрес
field-phone = Контактный телефон
field-summary = Краткое содержание
field-category = Категория
register-submit = Зарегистрировать
register-done = Обращение зарегистрировано под № { $number } за { $year } год.
form-has-errors = В форме есть ошибки, ничего не зарегистрировано. Исправьте отмеченные ниже поля.

## Страница обращения
appeal-title = Обращение № { $number } за { $year } год
appeal-channel = Канал поступления
appeal-registered = Зарегистрировано
appeal-registered-by = Зарегистрировал(а)
appeal-category = Категория
appeal-anonymous = Анонимное обращение
appeal-back = Вернуться к журналу
appeal-corrected-notice = Эта запись исправлена. Действующая запись — исправление:
appeal-correction-notice = Эта запись исправляет более раннюю запись:
appeal-correction-reason = Причина исправления
history-title = История
history-registered = Зарегистрировано под № { $number }
history-outcome = Записан результат рассмотрения
history-correction = Исправлено записью № { $number } ({ $year })
outcome-title = Записать результат рассмотрения
outcome-text = Результат рассмотрения обращения
outcome-submit = Сохранить результат
outcome-saved = Результат сохранён.
outcome-none = Результат рассмотрения ещё не записан.
correct-link = Исправить запись
correction-title = Исправление записи № { $number } за { $year } год
correction-intro = Зарегистрированная запись никогда не изменяется и не удаляется. Исправление регистрируется новой записью со своим номером и ссылается на эту; обе остаются в журнале.
correction-reason = Причина исправления
correction-submit = Зарегистрировать исправление
correction-done = Исправление зарегистрировано под № { $number } за { $year } год.
forwarding-none = —

## Учётные записи
users-title = Учётные записи сотрудников
users-add = Добавить сотрудника
users-login = Логин
users-full-name = ФИО
users-positions = Должности
users-position-first = Должность
users-position-second = Вторая должность (если есть)
users-position-none = нет
users-language = Язык
users-email = Электронная почта (необязательно)
users-email-hint = Сюда приходит ежедневная сводка истекающих и просроченных направлений: только номера и сроки.
users-submit = Создать учётную запись
users-created = Учётная запись { $login } создана. Одноразовый пароль: { $password } — передайте его лично; он показан только сейчас.
users-admin-note = Системный администратор управляет учётными записями и не может открывать обращения. Новая учётная запись с должностью, читающей обращения, открывает их только после подтверждения директором или заместителем директора.

## Пароль
password-title = Смена пароля
password-current = Текущий пароль
password-new = Новый пароль
password-repeat = Новый пароль ещё раз
password-submit = Сменить пароль
password-changed = Пароль изменён.
password-must-change = Вы вошли с одноразовым паролем. Прежде чем продолжить, задайте свой пароль.
password-wrong = Текущий пароль неверен.
password-mismatch = Новые пароли не совпадают.
password-too-short = Новый пароль должен содержать не менее 12 символов.
password-common = Этот пароль слишком распространён или построен на вашем логине: его легко подобрать. Выберите другой, например из нескольких слов.

## Язык
language-submit = Переключить

## Каналы
channel-phone = Звонок на «Телефон доверия»
channel-box-letter = Письмо из «Ящика доверия»
channel-online-box = Онлайн «Ящик доверия»
channel-voicemail = Голосовое сообщение
channel-in-person = Личное обращение
channel-email = Электронная почта

## Категории
category-violence = Насилие
category-mental-health = Психическое здоровье
category-family-relationships = Семейные отношения
category-peer-relationships = Отношения со сверстниками
category-education-and-occupation = Учёба и работа
category-physical-health = Физическое здоровье
category-access-to-services = Доступ к услугам
category-discrimination-and-exclusion = Дискриминация и исключение
category-sexuality = Сексуальность
category-missing-children = Пропавшие дети
category-non-counselling = Обращение без консультации
category-topic-only = { $topic } (без уточнения)
category-unspecified = Не указана

## Должности
position-responsible-specialist = Ответственный специалист
position-psychologist = Педагог-психолог
position-social-pedagogue = Социальный педагог
position-deputy-director = Заместитель директора по воспитательной работе
position-director = Директор
position-administrator = Системный администратор

## Ошибки
error-title = Ошибка
error-applicant-required = В неанонимном обращении нужно указать ФИО, адрес или контактный телефон заявителя.
error-applicant-given-for-anonymous = В анонимном обращении нет данных заявителя: очистите ФИО, адрес и телефон или снимите отметку «анонимное».
error-phone-invalid = Номер телефона содержит от 5 до 20 цифр и может включать + ( ) - и пробелы.
error-summary-required = Напишите краткое содержание.
error-too-long = Текст слишком длинный: не более { $limit } символов.
error-received-in-future = Время поступления не может быть позже текущего.
error-received-invalid = Укажите дату и время поступления: день, месяц, год, часы и минуты.
error-unknown-channel = Выберите канал из списка.
error-unknown-category = Выберите категорию из списка.
error-reason-required = Укажите причину исправления.
error-outcome-required = Напишите результат рассмотрения.
error-forbidden = Ваша должность не даёт доступа к этой странице.
error-not-found = Такой страницы или записи нет.
error-csrf = Срок действия формы истёк. Вернитесь назад, обновите страницу и отправьте снова.
error-busy = Сенім сейчас проверяет слишком много паролей. Повторите через несколько секунд.
error-bad-request = Запрос не удалось разобрать.
error-internal = На сервере произошёл сбой. Ничего не потеряно, попробуйте ещё раз. Если повторится, сообщите администратору номер инцидента: { $incident }.
error-login-taken = Этот логин уже занят.
error-login-invalid = Логин — от 3 до 32 символов: латинские буквы, цифры, точка, дефис или подчёркивание.
error-full-name-required = Укажите ФИО.
error-positions-invalid = Выберите одну или две должности; учётная запись системного администратора не совмещается с другими должностями.

## Сроки
deadline-rule-consideration = АППК ст. 76: рассматривается в течение 15 рабочих дней со дня поступления
deadline-rule-forward-outside-competence = АППК ст. 65: вне компетенции школы — направляется в компетентный орган в течение 3 рабочих дней
deadline-rule-forward-at-once = Сведения о готовящемся или совершённом преступлении против ребёнка: направляется немедленно, в день поступления
deadline-rule-extension-limit = АППК ст. 76: продлевается мотивированным решением руководителя, не более двух месяцев со дня поступления
deadline-rule-extension-notice = АППК ст. 76: заявитель уведомляется о продлении в течение 3 рабочих дней
deadline-overdue = просрочено
deadline-due-soon = срок истекает
deadline-on-time = в срок

## Направление
forwarding-title = Куда направлено (графа д)
forwarding-new = Направить обращение
forwarding-act-deadlines = Когда школа должна направить обращение сама
forwarding-organisation = Организация-исполнитель
forwarding-channel = Способ направления
forwarding-channel-email = электронная почта
forwarding-channel-fax = факс
forwarding-channel-telephonogram = телефонограмма
forwarding-text-link = текст для отправки
forwarding-sent = Направлено
forwarding-deadline = Срок рассмотрения
forwarding-receipt-day = Считается поступившим
forwarding-other-date = Другая дата (только с причиной)
forwarding-reason = Причина
forwarding-submit = Зарегистрировать направление
forwarding-saved = Направление зарегистрировано.
forwarding-received = Принял(а)
forwarding-received-title = Записать, кто принял
forwarding-received-by = ФИО принявшего
forwarding-received-at = Дата и время приёма
forwarding-received-submit = Сохранить
forwarding-answer = Ответ организации
forwarding-answer-title = Записать ответ
forwarding-answered-date = Дата ответа
forwarding-answer-submit = Сохранить ответ (он станет результатом рассмотрения)
forwarding-answered-on = ответ получен { $date }
forwarding-withdrawn = отозвано
forwarding-withdraw-title = Отозвать (направлено ошибочно)
forwarding-withdraw-submit = Отозвать
forwarding-deadline-title = Изменить срок
forwarding-deadline-submit = Изменить срок
forwarding-event-forwarded = направлено
forwarding-event-deadline-changed = срок изменён
forwarding-event-received = записан приём
forwarding-event-answered = записан ответ
forwarding-event-withdrawn = отозвано
telephonogram-title = ТЕЛЕФОНОГРАММА
fax-title = СОПРОВОДИТЕЛЬНОЕ ПИСЬМО К ФАКСУ
telephonogram-date = Дата и время
telephonogram-from = От кого
telephonogram-to = Кому
telephonogram-transmitted = Передал(а)
telephonogram-received = Принял(а)
telephonogram-body = { $school } направляет на рассмотрение обращение № { $number } за { $year } год, поступившее { $received }. Краткое содержание: { $summary } Срок рассмотрения: { $due }. Просим сообщить о результатах рассмотрения.
directory-title = Организации-исполнители
directory-intro = Органы, в которые школа направляет обращения. Заполните их электронную почту, факс и телефон, чтобы направлять в один шаг.
directory-name-kk = Название на казахском
directory-name-ru = Название на русском
directory-email = Электронная почта
directory-fax = Факс
directory-phone = Телефон
directory-address = Адрес
directory-save = Сохранить
directory-add = Добавить организацию
directory-add-submit = Добавить
monitoring-title = Сроки
monitoring-intro = Все нерассмотренные обращения и все направления, ожидающие ответа, на
monitoring-none = Нет.
monitoring-appeal = Обращение
monitoring-responsible = Ответственный
error-unknown-executing-organisation = Выберите организацию-исполнителя из списка школы.
error-no-email-address = У этой организации нет электронной почты в справочнике: добавьте её там или выберите факс или телефонограмму.
error-deadline-reason-required = Срок, отличный от установленного законом, требует причины.
error-deadline-before-receipt = Срок не может быть раньше дня поступления обращения.
error-deadline-beyond-limit = Продлённый срок не может превышать двух месяцев со дня поступления.
error-answer-required = Напишите ответ организации.
error-receiver-required = Укажите ФИО принявшего.
error-name-required = Укажите название организации на казахском.
error-email-invalid = Это не адрес электронной почты.
error-forwarding-closed = По этому направлению уже получен ответ, или оно отозвано.

## Электронная почта
forwarding-include-applicant = Включить в письмо ФИО, адрес и телефон заявителя (только если они нужны организации)
forwarding-letter-language = Язык письма
delivery-pending = письмо ожидает отправки
delivery-sent = письмо отправлено { $at }
delivery-retrying = ещё не отправлено: { $reason } (попыток: { $attempts }); следующая попытка { $next }
delivery-failed = письмо не принято: { $reason }. Исправьте адрес в справочнике и отправьте снова.
letter-subject = Обращение № { $number } за { $year } год направлено на рассмотрение
letter-body =
    Кому: { $organisation }
    { $school } направляет на рассмотрение обращение № { $number } за { $year } год, поступившее { $received }.
    Краткое содержание: { $summary }
    { $applicant }
    Срок рассмотрения: { $due }.
    Просим сообщить о результатах рассмотрения.
    { $sender }, { $school }
letter-applicant = Заявитель: { $name }, { $address }, { $phone }
digest-subject = Сенім: срочных { $urgent }, просрочено { $overdue }, на этой неделе { $this_week }, ожидает { $waiting }
digest-line = обращение № { $number } за { $year } год — { $duty }, срок { $due }
digest-footer = Подробности в Сенім, на странице «Мой день». В этом письме нет имён и текстов обращений.

delivery-cancelled = письмо не отправлено: направление закрыто раньше
delivery-resend = Отправить снова
delivery-error-connection = не удалось соединиться с почтовым сервером
delivery-error-transient = почтовый сервер попросил повторить позже
delivery-error-permanent = почтовый сервер не принял письмо
delivery-error-bad-recipient = адрес неверен
delivery-error-other = письмо не удалось подготовить

## Срочная отметка
mark-urgent = срочно
triage-urgent = Срочно: в кратком содержании говорится об угрозе ребёнку.
triage-national-lines = Если ребёнок в опасности сейчас: полиция 102, скорая помощь 103, национальная линия 111 (круглосуточно), телефон доверия для детей и молодёжи 150.
triage-clear-title = Снять срочную отметку
triage-clear-reason = Почему это не срочно
triage-clear-submit = Снять отметку
triage-cleared = Срочная отметка снята

alert-subject = Сенім: срочное обращение № { $number } за { $year } год
alert-body =
    Зарегистрировано срочное обращение № { $number } за { $year } год.
    Войдите в Сенім сейчас, чтобы прочитать его и принять меры. В этом письме нет текста обращения.

## The online Trust Box (public pages)
box-title = «Ящик доверия»
box-intro = Здесь можно написать школьному психологу, социальному педагогу или администрации. Имя писать не обязательно: никто не узнает, кто написал письмо.
box-text = Что случилось? Что вы хотите сказать?
box-identify = Хочу оставить имя или контакт (не обязательно)
box-identify-hint = Если заполните, специалисты смогут связаться с вами сами. Если оставите пустым, обращение будет анонимным.
box-name = Ваше имя
box-contact = Телефон или электронная почта
box-code-warning = После отправки код квитанции покажут только один раз. Запишите его: ответ можно прочитать только по этому коду, а потерянный код восстановить нельзя.
box-send = Отправить
box-anonymity = Мы не сохраняем ваш IP-адрес и сведения об устройстве и браузере и не используем cookie.
box-followup-link = Прочитать ответ (по коду квитанции)
box-lines-title = Если помощь нужна сейчас, звоните бесплатно:
box-lines-111 = 111 — единый контакт-центр для семей и детей, круглосуточно.
box-lines-150 = 150 — телефон доверия для детей и молодёжи.
box-lines-danger = Если есть угроза жизни: полиция 102, скорая помощь 103.
box-sent-title = Ваше письмо доставлено
box-sent-code = Ваш код квитанции:
box-code = Код квитанции
box-sent-keep = Запишите или сфотографируйте код сейчас. Он больше не будет показан, и восстановить его нельзя. Никому не сообщайте код.
box-expected-now = Сейчас рабочее время: специалисты прочитают письмо сегодня.
box-expected-later = Сейчас нерабочее время. Специалисты прочитают письмо начиная с { $from }.
box-followup-title = Прочитать ответ
box-followup-write = Написать ещё
box-followup-close = Прочитав, закройте страницу; код на ней не сохраняется.
box-followup-open = Открыть
box-followup-lost = Потерянный код восстановить нельзя: напишите новое письмо.
box-new-message = Написать новое письмо
box-cross-site = Отправьте письмо с этой страницы.
box-too-many = Слишком много попыток. Попробуйте немного позже. Если помощь нужна сейчас, звоните 111 или 150.
box-error-empty = Напишите текст письма.
box-from-you = Вы
box-from-staff = Школа
box-followup-sent = Ваше письмо доставлено.
box-followup-waiting = Ответа пока нет. Когда специалисты ответят, ответ появится здесь: зайдите позже с тем же кодом.
box-followup-not-found = По этому коду письмо не найдено. Проверьте цифры и введите снова.

## The online conversation on the appeal page
conversation-title = Переписка с учеником (по коду квитанции)
conversation-hint = Ученик не видит вашего имени, только «Школа». Ответ виден, когда ученик вводит свой код.
conversation-from-student = Ученик
conversation-reply = Ответ
conversation-reply-submit = Отправить ответ
conversation-replied = Ответ отправлен.
appeal-registered-automatically = Онлайн «Ящик доверия» (автоматически)

## The paper Trust Box: openings, acts, schedule, poster, slips
nav-trust-box = «Ящик доверия»
trustbox-title = «Ящик доверия»
opening-next-due = Следующее вскрытие «Ящика доверия» — до { $date }.
opening-overdue = «Ящик доверия» нужно было вскрыть до { $date } — вскрытие просрочено.
opening-list-title = Акты вскрытия ящика
opening-new = Вскрытие «Ящика доверия»
opening-none = Ящик ещё не вскрывался.
opening-when = Дата и время вскрытия
opening-letters = Обнаружено писем
opening-members = Члены комиссии (подписывают акт)
opening-members-hint = Акт подписывают не менее двух членов комиссии.
opening-letters-hint = Если ящик пуст, укажите 0: пустой ящик тоже оформляется актом.
opening-waiting = Не зарегистрировано писем: { $count }
opening-schedule-title = График вскрытия
opening-schedule = Ящик вскрывается
opening-schedule-save = Сохранить
opening-schedule-saved = График сохранён.
schedule-weekly = раз в неделю
schedule-twice-monthly = два раза в месяц
schedule-monthly = раз в месяц
trustbox-online-title = Онлайн «Ящик доверия»
trustbox-online-address = Адрес для учеников:
trustbox-poster = Распечатать объявление (с QR-кодом)
slips-title = Бумажные бланки с кодом квитанции
slips-hint = На каждом бланке — новый код квитанции и QR-код страницы ответа. Ученик пишет письмо на бланке и отрывает код себе; комиссия вводит код при регистрации письма, и ученик может прочитать ответ онлайн.
slips-count = Количество бланков
slips-print = Распечатать
slips-once = Распечатайте сейчас: коды не хранятся и больше не будут показаны.
slips-instruction = Напишите письмо на этом бланке (имя писать не обязательно). Оторвите и сохраните квитанцию внизу: по её коду вы прочитаете ответ онлайн.
slips-for-commission = Код письма для комиссии
slips-keep = Сохраните эту квитанцию. По этому коду вы прочитаете ответ:
poster-lead = Хочешь о чём-то рассказать? Напиши школьному психологу — можно без имени.
poster-anonymous = Наведи камеру телефона на QR-код. Никто не узнает, кто написал письмо.
opening-save = Сохранить акт
opening-act-in = Акт на языке:
opening-recorded = Акт записал(а)
opening-letters-title = Письма
opening-no-letters = По этому вскрытию письма не зарегистрированы.
opening-letter-n = Регистрация письма { $n } из { $count }
opening-letter-signed = Письмо подписано (данные заявителя)
opening-slip-code = Код письма на бланке (12 цифр, если есть)
opening-slip-hint = Если письмо написано на бланке, введите 12-значный код с самого письма: ученик прочитает ответ онлайн по коду квитанции, оставшейся у него.
opening-letter-register = Зарегистрировать письмо
opening-letter-registered = Письмо зарегистрировано.
error-opening-members = Выберите не менее двух членов комиссии, подписывающих акт.
error-opening-letters = Укажите число писем от 0 до 500.
error-opening-future = Время вскрытия не может быть в будущем.
error-opening-all-registered = Все письма этого вскрытия уже зарегистрированы.
error-slip-unknown = Неиспользованный бланк с таким кодом письма не найден. Проверьте цифры или оставьте поле пустым.
act-heading = Акт вскрытия «Ящика доверия»
act-date = Дата: { $date } г.
act-title = АКТ
act-body-empty = Мы, нижеподписавшиеся, при вскрытии «Ящика доверия» установили отсутствие писем.
act-body-letters = Мы, нижеподписавшиеся, при вскрытии «Ящика доверия» обнаружили { $count ->
    [one] { $count } письмо
    [few] { $count } письма
   *[many] { $count } писем
}.
act-body-registered = Письма зарегистрированы в журнале регистрации обращений под № { $numbers }.

## Hand-over of an urgent appeal
handover-title = Передача в национальную службу
handover-service = Куда передано
handover-when = Когда (время Казахстана)
handover-note = Примечание: с кем говорили, номер регистрации (не обязательно)
handover-submit = Записать передачу
handover-saved = Передача записана.
service-111 = 111 — единый контакт-центр для семей и детей
service-102 = 102 — полиция
service-103 = 103 — скорая помощь
error-handover-service = Выберите службу: 111, 102 или 103.
error-handover-future = Время передачи указано неверно или в будущем.
error-handover-note = Примечание слишком длинное (не более 1000 знаков).

error-classification-value = Выберите одно из значений списка.
error-classification-age = Укажите возраст полными годами от 0 до 25.
mark-awaiting-answer = Ученик ждёт ответа

## Documents: the registration book, the poster, the journal as a workbook
book-title = Книга регистрации писем «Ящика доверия» и звонков «Телефона доверия»
book-academic-year = { $years } учебный год
book-year-break = { $year } год: порядковые номера начинаются с 1
book-corrects = исправляет запись { $entry }
book-corrected-by = исправлена записью { $entry }
book-empty = В этом учебном году обращения не регистрировались.
book-certification-before = Пронумеровано, прошнуровано и скреплено печатью страниц:
book-certification-after = .
book-seal = М.П.
book-fingerprint = Отпечаток цепочки журнала { $year } года после записи №{ $number }: { $fingerprint } (проверяется командой senim verify)
poster-title = «Телефон доверия» и «Ящик доверия»
poster-phone = «Телефон доверия»
poster-hours = Понедельник – пятница, 9:00 – 18:30. В нерабочее время можно оставить сообщение на автоответчике.
xlsx-sheet = Журнал регистрации
xlsx-year = Год
xlsx-status = Состояние
xlsx-yes = да
xlsx-status-closed = Рассмотрено
xlsx-status-open = На рассмотрении
xlsx-status-forwarded = Направлено
download-journal-xlsx = Скачать журнал (XLSX)
download-book = Распечатать книгу регистрации (PDF)
download-act = Скачать акт
trustbox-phone = Номер «Телефона доверия» (для объявления)
trustbox-phone-saved = Номер телефона сохранён.
download-pdf-kk = PDF, на казахском
download-pdf-ru = PDF, на русском
download-docx-kk = DOCX, на казахском
download-docx-ru = DOCX, на русском
download-in-kk = на казахском
download-in-ru = на русском
download-poster = Объявление для печати (PDF)

## The monthly analysis
nav-analysis = Ежемесячный анализ
analysis-title = Ежемесячный анализ
analysis-hint = Работа за месяц в цифрах — рядом с предыдущим месяцем и тем же месяцем прошлого года. Без имён и текстов.
analysis-total = Всего обращений
analysis-anonymous = Анонимные обращения
analysis-urgent = Срочные обращения
analysis-forwarded = Направлено на рассмотрение
analysis-answered-on-time = Ответ получен в срок
analysis-overdue = Просрочено
analysis-with-outcome = Записан результат рассмотрения
analysis-openings-held = Вскрытий «Ящика доверия»
analysis-openings-scheduled = Вскрытий по графику
analysis-by-category = По категориям
analysis-by-channel = По каналам поступления
download-analysis = Для директора
journal-analysis-submitted = Последний ежемесячный анализ ({ $month }) передан директору: { $date }
analysis-text-title = Анализ
analysis-text-kk = Текст анализа на казахском
analysis-text-ru = Текст анализа на русском
analysis-text-hint = Текст написан системой «Сенім» по цифрам месяца; его можно исправить до передачи директору. Только цифры: не пишите имён детей и текстов обращений.
analysis-save = Сохранить черновик
analysis-submit = Передать директору
analysis-saved = Анализ сохранён.
analysis-submitted = Анализ передан директору.
analysis-submitted-by = Передан директору: { $name }, { $date }.
analysis-draft-by = Черновик, не передан: { $name }, { $date }.
analysis-not-written = Текст анализа за этот месяц ещё не написан.
analysis-text-too-long = Текст анализа слишком длинный (не больше 8000 знаков).
analysis-generated-total = { $month }: зарегистрировано обращений — { $total } (в предыдущем месяце — { $previous }, в том же месяце прошлого года — { $year_ago }).
analysis-generated-kinds = Из них анонимных — { $anonymous }, срочных — { $urgent }.
analysis-generated-channels = Каналы поступления: { $channels }.
analysis-generated-forwarded = Направлено на рассмотрение — { $forwarded }, ответ получен в срок — { $on_time }, срок ответа истёк — { $overdue }.
analysis-generated-openings = «Ящик доверия» вскрывался { $held } раз(а) (по графику — { $scheduled }).

## Months
month-1 = Январь
month-2 = Февраль
month-3 = Март
month-4 = Апрель
month-5 = Май
month-6 = Июнь
month-7 = Июль
month-8 = Август
month-9 = Сентябрь
month-10 = Октябрь
month-11 = Ноябрь
month-12 = Декабрь

## The commission's minutes
nav-minutes = Протоколы
minutes-page-title = Протоколы заседаний комиссии
minutes-hint = Протоколы нумеруются с №1 каждый год. Повестку «Сенім» предлагает по работе со времени последнего заседания — только цифры, без имён и текстов.
minutes-year = Год
minutes-none = В этом году протоколов нет.
minutes-new = Новый протокол
minutes-held-on = Дата заседания
minutes-item = Вопрос { $number }
minutes-topic = Вопрос
minutes-speaker = Слушали
minutes-no-speaker = — никого —
minutes-said = Что сказал(а)
minutes-resolved-field = Постановили
minutes-chair-field = Председатель
minutes-secretary-field = Секретарь
minutes-items-hint = Незаполненный вопрос не учитывается.
minutes-propose = Предложить повестку
minutes-record = Зарегистрировать протокол
minutes-recorded = Протокол №{ $number } зарегистрирован.
minutes-proposed = Повестка предложена по работе с { $since }; её можно изменить.
minutes-proposed-letters-topic = Обсуждение писем, поступивших в «Ящик доверия».
minutes-proposed-letters-said = С { $since } «Ящик доверия» вскрывался { $openings } раз(а), писем поступило — { $letters }.
minutes-proposed-appeals-topic = Работа по обращениям, поступившим на «Телефон доверия» и в «Ящик доверия».
minutes-proposed-appeals-said = Зарегистрировано обращений — { $appeals }, из них срочных — { $urgent }.
minutes-proposed-overdue-topic = Направления с истёкшим сроком ответа.
minutes-proposed-overdue-said = Направлений, по которым истёк срок ответа исполнителей: { $overdue }.
minutes-heading = Заседание членов комиссии «Ящика доверия» за { $month ->
    [1] январь
    [2] февраль
    [3] март
    [4] апрель
    [5] май
    [6] июнь
    [7] июль
    [8] август
    [9] сентябрь
    [10] октябрь
    [11] ноябрь
   *[12] декабрь
}
minutes-date = { $date } г.
minutes-number = Протокол №{ $number }
minutes-attendees = Присутствовали:
minutes-agenda = Повестка дня:
minutes-heard = Слушали:
minutes-resolved = Постановили:
minutes-chair = Председатель
minutes-secretary = Секретарь
error-minutes-attendees-required = Отметьте, кто присутствовал на заседании.
error-minutes-items-required = В повестке должен быть хотя бы один вопрос.
error-minutes-topic-required = У каждого вопроса должно быть название.
error-minutes-resolved-required = По каждому вопросу запишите, что постановили.
error-minutes-speaker-not-attendee = Выступавший должен быть среди присутствовавших.
error-minutes-chair-not-attendee = Председатель должен быть среди присутствовавших.
error-minutes-secretary-not-attendee = Секретарь должен быть среди присутствовавших.
error-minutes-too-long = Текст слишком длинный (не больше 4000 знаков).
error-minutes-held-in-future = Протокол регистрируется только после заседания.
error-minutes-unknown-attendee = Присутствовавшие должны быть сотрудниками этой школы.
error-minutes-date = Укажите дату заседания.

## The yearly activity plan
nav-plan = План мероприятий
plan-page-title = План мероприятий
plan-hint = Периоды каждого пункта отмечаются по записанной работе: акты вскрытия ящика, протоколы, зарегистрированные звонки; остальное сотрудник отмечает с пояснением.
plan-academic-year = Учебный год
plan-none = Плана на { $years } учебный год ещё нет.
plan-create-default = Начать с типового плана (7 мероприятий)
plan-created = План создан.
plan-exists = План на этот учебный год уже есть.
plan-title = План мероприятий по «Телефону доверия» и «Ящику доверия» на { $years } учебный год
plan-col-number = №
plan-col-activity = Мероприятия
plan-col-timing = Сроки
plan-col-responsible = Ответственные
plan-col-progress = Выполнение
plan-progress = выполнено { $done } из { $due } { $due ->
    [one] периода
   *[other] периодов
}
plan-progress-quiet = Звонков не было — пропущенных периодов нет
plan-progress-running = Идёт первый период
plan-progress-not-begun = Периоды ещё не начались
plan-progress-missed = Не выполнено: { $periods }
plan-legend = Выполнение по записям на { $date }: акты вскрытия ящика, протоколы, зарегистрированные звонки и отметки сотрудников.
plan-activity-organise = Организация работы «Телефона доверия» и «Ящика доверия».
plan-activity-order = Издание приказа по «Телефону доверия» и «Ящику доверия».
plan-activity-inform-classes = Информирование классов о «Телефоне доверия» и «Ящике доверия».
plan-activity-letters = Работа с письмами, поступившими в «Ящик доверия».
plan-activity-calls = Работа со звонками на «Телефон доверия» и их регистрация.
plan-activity-act = Составление акта при вскрытии «Ящика доверия».
plan-activity-council = Рассмотрение сведений «Телефона доверия» и «Ящика доверия» на совещании при директоре.
timing-weekly = Раз в неделю
timing-twice-monthly = Два раза в месяц
timing-monthly = Раз в месяц
timing-once = Раз в год
plan-evidence-openings = отмечается по актам вскрытия ящика
plan-evidence-minutes = отмечается по протоколам
plan-evidence-calls = отмечается по зарегистрированным звонкам
plan-evidence-manual = отметкой сотрудника
plan-mark-done = выполнено
plan-mark-marked = отмечено
plan-mark-missed = не выполнено
plan-mark-quiet = звонков не было
plan-mark-current = текущий период
plan-mark-upcoming = впереди
position-short-responsible-specialist = Ответственный специалист
position-short-psychologist = Педагог-психолог
position-short-social-pedagogue = Социальный педагог
position-short-deputy-director = ЗДВР
position-short-director = Директор
position-short-administrator = Системный администратор
plan-add = Добавить мероприятие
plan-activity-field = Мероприятие
plan-own-activity = — своё мероприятие (напишите ниже) —
plan-own-wording = Текст своего мероприятия
plan-timing-field = Срок
plan-responsible-field = Ответственные
plan-item-added = Мероприятие добавлено.
plan-remove = Убрать из плана
plan-remove-warning = Мероприятие будет убрано из плана вместе с отметками сотрудников. Типовое мероприятие можно добавить снова через «Добавить мероприятие».
plan-remove-confirm = Да, убрать из плана
plan-item-removed = Мероприятие убрано из плана.
plan-mark = Отметить выполненным
plan-mark-period = Период
plan-mark-note = Что сделано
plan-marked = Период отмечен выполненным.
plan-unmark = Снять отметку
plan-unmarked = Отметка снята.
error-plan-activity = Опишите мероприятие (не больше 500 знаков).
error-plan-responsible = Выберите ответственную должность.
error-plan-timing = Срок — месяц учебного года (сентябрь – май).
error-plan-note = Напишите, что сделано (не больше 500 знаков).
error-plan-period = Это не период данного мероприятия.
error-plan-future-period = Нельзя отметить выполненным период, который ещё не начался.

nav-staff = Доступ сотрудников
staff-title = Доступ сотрудников
staff-note = Новая учётная запись с должностью, читающей обращения, ничего не открывает, пока её не подтвердит директор школы или заместитель директора. Системный администратор подтвердить не может.
staff-none-waiting = Учётных записей, ожидающих подтверждения, нет.
staff-confirm = Подтвердить
staff-confirm-who = Подтвердить учётную запись { $login }
staff-confirmed = Учётная запись подтверждена: теперь она может читать обращения.
journal-accounts-waiting = Учётных записей, ожидающих вашего подтверждения для чтения обращений: { $count }.
error-awaiting-confirmation = Вашу учётную запись ещё не подтвердил директор школы или заместитель директора. До подтверждения обращения не открываются; доступны только страницы вашей учётной записи.
error-nothing-to-confirm = Эта учётная запись не ожидает подтверждения.
confirmation-request-subject = Сенім: учётная запись ждёт вашего подтверждения
confirmation-request-body =
    Открыта учётная запись { $login } ({ $positions }).
    Она сможет читать обращения только после того, как вы или заместитель директора подтвердите её в Сенім: войдите в Сенім и откройте страницу «Доступ сотрудников».
    В этом письме нет сведений об обращениях.
staff-waiting = Ожидают подтверждения
staff-accounts = Все учётные записи
staff-state = Состояние
staff-change = Изменить
staff-deactivate = Отключить
staff-reactivate = Включить снова
staff-deactivate-who = Отключить учётную запись { $login }
staff-reactivate-who = Снова включить учётную запись { $login }
staff-deactivated = Учётная запись отключена: её открытые страницы и API-токены больше ничего не открывают.
staff-reactivated = Учётная запись снова включена. Если она читает обращения, она снова ждёт подтверждения.
staff-deactivate-note = Отключённая учётная запись не может войти, её открытые страницы закрываются при следующем запросе, токены не работают. Свою учётную запись отключить нельзя.
account-state-active = активна
account-state-awaiting-confirmation = ждёт подтверждения
account-state-deactivated = отключена
error-account-state-unchanged = Учётная запись уже в этом состоянии.
error-own-account = Свою учётную запись здесь нельзя изменить или отключить; пароль меняется на странице пароля.
nav-tokens = Токены
tokens-title = Токены для приложений
tokens-note = Токен позволяет АТС школы или другой системе работать через API Сенім от вашего имени — только в пределах выбранных прав и до истечения срока.
tokens-created = Новый токен. Скопируйте его сейчас: больше он показан не будет.
tokens-none = Токенов пока нет.
tokens-name = Название
tokens-name-hint = например, АТС школы
tokens-scopes = Права
tokens-made = Выдан
tokens-ends = Срок
tokens-revoke = Отозвать
tokens-revoke-which = Отозвать токен «{ $name }»
tokens-revoked = Токен отозван: больше он ничего не открывает.
tokens-add = Новый токен
tokens-submit = Получить токен
tokens-expires-30d = 30 дней
tokens-expires-90d = 90 дней
tokens-expires-1y = 1 год
token-state-active = действует
token-state-expired = срок истёк
token-state-revoked = отозван
token-scope-journal-read = читать журнал и обращения
token-scope-journal-write = регистрировать обращения и вести записи
token-scope-phone-intake = принимать поступившее без присмотра (голосовые сообщения), ничего не читая
token-scope-staff-manage = управлять учётными записями сотрудников
error-scope-not-allowed = Выберите хотя бы одно право, которое разрешает ваша должность.
error-lifetime-invalid = Выберите срок: не больше пяти лет.

## Audit trail
nav-audit = Журнал аудита
nav-sign-ins = Мои входы
token-scope-audit-read = чтение журнала аудита
audit-title = Журнал аудита
audit-note = Кто, когда и что сделал: входы в систему, открытие обращений, поиск по журналу, выгрузка документов, изменения учётных записей и токенов. Текст обращения, ФИО, телефон, код квитанции или адрес здесь не записываются никогда. Журнал читают только директор и заместитель директора.
audit-day = Дата
audit-appeal-number = Номер обращения
audit-filter = Показать
audit-none = Записей, подходящих под выбор, нет.
audit-at = Время
audit-who = Кто
audit-what = Что сделал
audit-concerning = К чему относится
audit-truncated = Показаны только последние 500 записей: сузьте поиск по дате или сотруднику.
audit-server-holder = владелец сервера (командная строка)
audit-appeal = обращение №{ $number } ({ $year } г.)
audit-action-signed-in = вошёл в систему
audit-action-sign-in-failed = не смог войти (неверный пароль)
audit-action-signed-out = вышел из системы
audit-action-appeal-opened = открыл обращение
audit-action-journal-viewed = просмотрел журнал
audit-action-journal-searched = искал в журнале
audit-action-conversation-read = прочитал онлайн-переписку
audit-action-document-downloaded = выгрузил документ
audit-action-account-created = создал учётную запись
audit-action-account-confirmed = подтвердил учётную запись
audit-action-account-changed = изменил учётную запись
audit-action-account-deactivated = отключил учётную запись
audit-action-account-reactivated = снова включил учётную запись
audit-action-password-changed = сменил свой пароль
audit-action-password-reset = выдал новый одноразовый пароль
audit-action-two-factor-enabled = включил двухфакторный вход
audit-action-two-factor-disabled = отключил двухфакторный вход
audit-action-recovery-codes-renewed = получил новые коды восстановления
audit-action-recovery-code-used = вошёл по коду восстановления
audit-action-token-created = создал токен
audit-action-token-revoked = отозвал токен
audit-action-urgent-flag-cleared = снял отметку срочности
audit-action-settings-changed = изменил настройку
audit-action-chains-sealed = вершины цепочек запечатаны ключом
audit-detail-confirmed = сразу подтверждённая
audit-detail-registration-book = книга регистрации
audit-detail-journal-xlsx = журнал (XLSX)
audit-detail-opening-act = акт вскрытия ящика
audit-detail-minutes = протокол
audit-detail-plan = план мероприятий
audit-detail-monthly-analysis = ежемесячный анализ
audit-detail-forwarding-letter = сопроводительное письмо
audit-detail-poster = объявление
audit-detail-slips = бланки
sign-ins-title = Мои входы
sign-ins-note = Ваши входы и выходы за последние 90 дней. Если видите вход, которого не совершали, сразу смените пароль и сообщите директору.

## Two-factor sign-in
nav-two-factor = Двухфакторный вход
two-factor-title = Двухфакторный вход
two-factor-note = Кроме пароля, Senim спрашивает шестизначный код, который приложение-аутентификатор на вашем телефоне меняет каждые 30 секунд. Даже зная ваш пароль, без телефона никто не войдёт.
two-factor-required-notice = Ваша школа требует второй фактор от каждой учётной записи, читающей обращения: включите его, чтобы продолжить.
two-factor-start = Начать подключение
two-factor-scan = Добавить в приложение
two-factor-step-app = Установите на телефон приложение-аутентификатор (подойдёт любое приложение одноразовых кодов по времени).
two-factor-step-scan = Добавьте в приложении новую учётную запись и отсканируйте этот код или введите секретный ключ вручную.
two-factor-step-code = Введите ниже шестизначный код, который показывает приложение.
two-factor-qr-label = QR-код для приложения-аутентификатора
two-factor-secret = Секретный ключ:
two-factor-uri = Текст ссылки для приложения
two-factor-code = Код из приложения
two-factor-code-hint = Шестизначный код из приложения или один из кодов восстановления.
two-factor-confirm = Проверить и включить
two-factor-enabled = Двухфакторный вход включён.
two-factor-is-on = Двухфакторный вход включён.
two-factor-codes-left = Неиспользованных кодов восстановления: { $count }.
two-factor-recovery-title = Коды восстановления
two-factor-recovery-note = Если потеряете телефон, войдёте одним из этих кодов. Каждый код действует один раз. Запишите их на бумаге и храните в надёжном месте: больше они не будут показаны.
two-factor-new-codes = Получить новые коды восстановления
two-factor-codes-renewed = Новые коды готовы: прежние больше не действуют.
two-factor-turn-off = Отключить двухфакторный вход
two-factor-disabled = Двухфакторный вход отключён.
two-factor-code-wrong = Код не подошёл. Введите текущий код из приложения.
two-factor-code-reused = Этот код уже использован. Дождитесь следующего кода в приложении.
two-factor-required-cannot-disable = Ваша школа требует второй фактор, поэтому отключить его нельзя.
two-factor-start-again = Начните подключение заново.
two-factor-sign-in-title = Код для входа
two-factor-start-over = Начать вход заново
staff-two-factor = Двухфакторный вход
staff-two-factor-on = Школа требует второй фактор от каждой учётной записи, читающей обращения.
staff-two-factor-off = Школа не требует второй фактор: обращения можно читать, войдя только по паролю.
staff-two-factor-require = Требовать второй фактор от каждой учётной записи, читающей обращения
staff-two-factor-save = Сохранить
staff-two-factor-saved = Настройка двухфакторного входа сохранена.
audit-detail-two-factor-required = второй фактор обязателен
audit-detail-two-factor-not-required = второй фактор не обязателен
audit-detail-second-factor = неверный код второго фактора
staff-edit = Изменить
staff-edit-who = Изменить учётную запись { $login }
staff-account-title = Учётная запись
staff-back = ← Все учётные записи
staff-positions-note = Если добавлена должность, читающая обращения, учётная запись снова ждёт подтверждения директора или заместителя директора.
staff-positions-save = Сохранить должности
staff-positions-saved = Должности сохранены. Учётная запись с новой должностью, читающей обращения, ждёт подтверждения.
staff-email-save = Сохранить адрес
staff-email-saved = Адрес электронной почты сохранён.
staff-password-title = Одноразовый пароль
staff-password-note = Для сотрудника, забывшего пароль: новый одноразовый пароль показывается один раз, передайте его лично. Открытые страницы и токены учётной записи перестают работать. Учётной записи, читающей обращения, его выдаёт только директор или заместитель директора.
staff-password-reset-button = Выдать новый одноразовый пароль
staff-password-reset = Новый одноразовый пароль — передайте его лично, он показывается только сейчас:
staff-waits-own-password = Ждёт, пока сотрудник выберет свой пароль
error-own-password-first = Сотрудник ещё не выбрал свой пароль. Подтвердите учётную запись, когда он войдёт и сменит пароль.
error-last-head = Школа осталась бы без подтверждённого директора и заместителя директора, и подтверждать читающих было бы некому. Сначала подтвердите другого руководителя.
directory-email-history = Изменения адреса электронной почты
directory-email-note = Новый адрес электронной почты сохраняется в истории записи с тем, кто и когда его изменил; письма, уже ждущие отправки, уходят на адрес, для которого они написаны.
delivery-to = Адрес письма:
audit-detail-forwardings = куда направлено
audit-detail-positions = должности
audit-detail-positions-confirm-again = должности; снова ждёт подтверждения
audit-detail-one-time-password = новый одноразовый пароль
audit-detail-email = адрес электронной почты
audit-detail-directory-email = адрес электронной почты в справочнике организаций
error-reset-by-heads = Новый одноразовый пароль учётной записи, читающей обращения, выдаёт только директор или заместитель директора: тот, кто видит пароль, мог бы её открыть.
staff-confirm-note = Подтверждайте учётную запись, только когда сотрудник сам сказал вам, что вошёл и выбрал свой пароль: тот, кто создал запись, видел её одноразовый пароль.

## Every appeal watched to its end
nav-day = Мой день
digest-appeal = обращение № { $number } за { $year } год
digest-box-waiting = Переписок в онлайн-ящике, ждущих ответа: { $count }
day-title = Мой день
day-intro = Ваши дела на сегодня, { $date }. Здесь только номера и сроки.
day-none = На сегодня дел нет.
day-urgent = Срочные: ещё не переданы и не направлены
day-overdue = Просрочено
day-to-forward = Направить в компетентный орган в течение 3 рабочих дней
day-this-week = На этой неделе
day-unassigned = Обращения без ответственного
day-box-waiting = Переписок в онлайн-ящике, где ученик ждёт ответа: { $count }
day-box-link = Смотреть в журнале
day-take = Взять себе
duty-consideration = рассмотреть
duty-extension-limit = рассмотреть в продлённый срок
duty-forward-outside-competence = направить в компетентный орган
duty-forward-at-once = передать в 111, 102, 103 или направить немедленно
duty-extension-notice = сообщить заявителю о продлении
duty-forwarding = ответ организации-исполнителя
monitoring-duty = Что сделать
monitoring-due = Срок
monitoring-nobody = нет ответственного
watch-title = Срок рассмотрения и ответственный
watch-due = Срок рассмотрения
watch-due-forwarded = Направлено: срок — срок ответа организации-исполнителя
watch-answered = Рассмотрено: результат в графе «е»
watch-duties = Что осталось сделать
watch-responsible = Ответственный
watch-assign = Сменить ответственного
watch-assign-submit = Назначить
watch-assignments = Смена ответственного
watch-assigned-line = { $date }: ответственный — { $name } (передал(а) { $by })
watch-extend = Продлить срок рассмотрения
watch-extend-hint = Мотивированным решением руководителя, не более двух месяцев со дня поступления (не позднее { $limit }). Заявителю с указанными ФИО сообщают в течение 3 рабочих дней.
watch-extend-due = Новый срок
watch-extend-reason = Обоснование решения (приводится в уведомлении заявителю)
watch-extend-decided = Дата решения
watch-extend-told = Дата уведомления заявителя (если уведомлён)
watch-extend-submit = Продлить срок
watch-extensions = Продления
watch-extension-line = Решением от { $date } продлено до { $due } ({ $by })
watch-not-told = Заявитель ещё не уведомлён
watch-told-submit = Отметить, что уведомлён
watch-outside = Не относится к компетенции школы
watch-outside-hint = Обращение, не относящееся к компетенции школы, направляется в компетентный орган в течение 3 рабочих дней со дня поступления.
watch-outside-submit = Отметить: не относится к компетенции
watch-outside-marked = Отмечено как не относящееся к компетенции школы: направьте в компетентный орган
watch-saved = Сохранено.
error-assign-registrar = Обращение можно передать только активному сотруднику, который регистрирует обращения.
error-extension-reason = Продление — мотивированное решение руководителя: укажите обоснование.
error-extension-reason-long = Обоснование слишком длинное: не более 2000 знаков.
error-extension-not-later = Новый срок должен быть позже 15 рабочих дней рассмотрения.
error-extension-limit = Срок — не более двух месяцев со дня поступления.
error-extension-decided = Дата решения — между днём поступления и сегодняшним днём.
error-extension-told = Дата уведомления — между датой решения и сегодняшним днём.
error-extension-answered = Обращение уже рассмотрено: продлить срок нельзя.
audit-action-appeal-assigned = назначил(а) ответственного за обращение
audit-action-consideration-extended = продлил(а) срок рассмотрения
audit-action-extension-notice-recorded = отметил(а) уведомление о продлении
audit-action-outside-competence-marked = отметил(а) обращение как не относящееся к компетенции
mark-overdue = просрочено
notice-language = Язык уведомления:
notice-signature = Директор школы ____________________
notice-date = Дата: { $date }
notice-forwarding-title = Уведомление о направлении обращения
notice-forwarding-body = Уважаемый(ая) { $name }! Ваше обращение, поступившее { $received } и зарегистрированное под № { $number } за { $year } год, { $sent } направлено для рассмотрения в «{ $organisation }» в соответствии со статьёй 65 Административного процедурно-процессуального кодекса Республики Казахстан. О результатах рассмотрения вам сообщит эта организация (срок рассмотрения — до { $due }).
notice-extension-title = Уведомление о продлении срока рассмотрения обращения
notice-extension-body = Уважаемый(ая) { $name }! Срок рассмотрения вашего обращения, поступившего { $received } и зарегистрированного под № { $number } за { $year } год, решением от { $decided } продлён до { $due } в соответствии со статьёй 76 Административного процедурно-процессуального кодекса Республики Казахстан. Причина: { $reason }
notice-record = Отметить, что уведомление вручено
notice-sent-on = Дата вручения
notice-channel = Как вручено
notice-channel-hand = вручено лично
notice-channel-post = отправлено почтой
notice-channel-email = отправлено по электронной почте
notice-record-submit = Отметить
notice-recorded = Заявитель уведомлён { $date }: { $channel }
notice-link = Уведомление заявителя
notice-not-given = ещё не вручено
notice-open = открыть уведомление
notice-extension-open = Открыть уведомление о продлении
error-notice-channel = Выберите, как вручено уведомление.
error-notice-date = Дата вручения — между днём решения или направления и сегодняшним днём.
error-notice-anonymous = По анонимному обращению уведомление не вручается: уведомлять некого.
error-notice-recorded = Вручение уведомления уже отмечено.
audit-action-applicant-notice-recorded = отметил(а) вручение уведомления заявителю
audit-detail-forwarding-notice = уведомление о направлении
audit-detail-applicant-notice = уведомление заявителя
error-extension-forwarded = Направленное обращение рассматривается в срок направления: измените срок в карточке направления.
error-extension-past = Новый срок не может быть раньше сегодняшнего дня.
error-extension-decided-late = Решение о продлении принимается до истечения продлеваемого срока.
error-extension-none = Срок рассмотрения этого обращения не продлевался.
error-assign-answered = Обращение уже рассмотрено: ответственного не меняют.
day-letters-waiting = Письма, найденные при вскрытии ящика и ещё не зарегистрированные: { $count }
day-letters-link = Зарегистрировать на странице «Сенім жәшігі»
digest-letters-waiting = Письма из ящика, ещё не зарегистрированные: { $count }
nav-lexicon = Срочные слова
lexicon-title = Словарь признаков срочности
lexicon-intro = Каждый зарегистрированный текст проверяется по этому словарю: слова о суициде, самоповреждении, сексуальном и физическом насилии делают обращение срочным, остальные только отмечаются. Добавленное слово действует со следующего письма во всех школах этого сервера; убрать его может только владелец сервера, в базе данных.
lexicon-text = Предложение для проверки
lexicon-text-hint = Предложение не сохраняется и нигде не записывается.
lexicon-category = Категория
lexicon-language = Язык
lexicon-term = Слово или сочетание
lexicon-term-hint = Звёздочка в конце означает основу слова: «самоликвид*» — «самоликвидируюсь», «самоликвидироваться». У каждого слова до * не меньше двух букв.
lexicon-try = Проверить
lexicon-add = Добавить в словарь
lexicon-added = Слово добавлено: действует со следующего письма.
lexicon-result = Результат проверки
lexicon-result-now = По словарю сейчас:
lexicon-result-with-term = С новым словом:
lexicon-urgent = срочно
lexicon-shown = не срочно, но отмечается
lexicon-nothing = ничего не найдено
lexicon-terms = Слова, добавленные на этой странице
lexicon-added-by = Кто и когда добавил
language-kk = казахский
language-ru = русский
language-en = английский
triage-category-suicide = суицидальный риск
triage-category-self-harm = самоповреждение
triage-category-sexual-abuse = сексуальное насилие
triage-category-physical-violence = физическое насилие
triage-category-bullying = травля, буллинг
triage-category-running-away = уход из дома
triage-category-pregnancy = беременность
triage-category-substance-use = психоактивные вещества
error-term-category = Выберите одну из категорий словаря.
error-term-language = Выберите язык: казахский, русский или английский.
error-term-short = Слово слишком короткое: в одном слове не меньше четырёх букв, у каждого слова до * не меньше двух.
error-term-long = Слово слишком длинное: не более 80 знаков.
audit-detail-lexicon-term = слово в словаре признаков срочности
analysis-xlsx-sheet = Ежемесячный анализ
analysis-xlsx-measure = Показатель
download-xlsx-kk = XLSX, на казахском
download-xlsx-ru = XLSX, на русском
analysis-by-subcategory = По подкатегориям
analysis-by-contact-type = По типу обращения
analysis-by-age = По возрасту ребёнка
analysis-by-gender = По полу ребёнка
analysis-age-band = { $band } лет
analysis-hidden-note = «×» — скрытое число, чтобы не указать на ребёнка: по возрасту и полу число меньше 5, а также ещё одно число, чтобы скрытое нельзя было вычислить из итога.
error-term-common = Это слово сделало бы срочными и обычные письма: напишите более точное слово или сочетание.
notice-recorded-day = Заявитель уведомлён { $date }
notice-caution = Вручайте уведомление так, чтобы не подвергнуть ребёнка опасности: если обращение о насилии в семье, не отправляйте его почтой домой и не передавайте человеку, от которого исходит угроза.
