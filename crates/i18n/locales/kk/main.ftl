# Сенім — қазақша интерфейс (әдепкі тіл).

app-name = Сенім
app-tagline = «Сенім жәшігі» мен «Сенім телефоны» өтініштерін тіркеу журналы
skip-to-content = Мазмұнға өту

## Навигация
nav-journal = Журнал
nav-register = Өтінішті тіркеу
nav-users = Қызметкерлердің есептік жазбалары
nav-monitoring = Мерзімдер
nav-directory = Ұйымдар
nav-password = Құпиясөз
nav-sign-out = Шығу
nav-language = Тіл
nav-signed-in-as = Кірген: { $name }

## Кіру
signin-title = Жүйеге кіру
signin-login = Логин
signin-password = Құпиясөз
signin-submit = Кіру
signin-failed = Логин немесе құпиясөз қате.
signin-held = Соңғы кезде бұл логинмен немесе осы желіден тым көп қате әрекет жасалды. 15 минут күтіңіз немесе әдетте кіретін браузеріңізден кіріңіз.
signin-busy = Сенім қазір тым көп кіруді тексеріп жатыр. Бірнеше секундтан кейін қайталаңыз.
signin-hint = Сенім балалардың өтініштерін сақтайды. Тек өзіңіз сенетін компьютерден кіріңіз, кетерде жүйеден шығыңыз.

## Журнал
journal-title = Өтініштерді тіркеу журналы
journal-year = Жыл
journal-count = { $count } жазба
journal-empty = Бұл жылы әлі бірде-бір өтініш тіркелмеген.
journal-nothing-found = Сүзгіге сай жазба жоқ.
journal-page = { $total } жазбаның { $from }–{ $to }
journal-previous = Жаңалары
journal-next = Бұрынғылары
col-number = Реттік нөмірі
col-received = Түскен күні мен уақыты
col-applicant = Өтініш иесінің тегі, аты, әкесінің аты, мекен-жайы, байланыс телефоны
col-summary = Қысқаша мазмұны
col-forwarded = Қарауға жіберілген органы / қарау мерзімі
col-outcome = Шешу қорытындысы
filter-title = Сүзгі
filter-channel = Арна
filter-any = Барлығы
filter-anonymous = Иесі
filter-only-anonymous = Тек жасырын
filter-only-named = Тек иесі көрсетілген
filter-text = Мәтін
filter-apply = Көрсету
filter-reset = Тазалау
mark-anonymous = жасырын
mark-corrected-by = № { $number } ({ $year }) жазбамен түзетілген
mark-correction-of = № { $number } ({ $year }) жазбаның түзетуі
open-appeal = № { $number } өтінішті ашу

## Тіркеу
register-title = Өтінішті тіркеу
register-intro = Нөмір «Тіркеу» батырмасын басқанда беріледі: нөмірлеу жыл сайын 1 қаңтардан қайта басталады.
field-channel = Түскен арнасы
field-received-at = Түскен күні мен уақыты (Қазақстан уақыты)
field-received-at-hint = Әдепкісі — қазір. Демалыс күндері қалдырылған дауыстық хабарлама үшін ертерек уақытты жазыңыз.
field-anonymous = Иесі бүркемеленген (жасырын) өтініш — өтініш иесінің деректері жазылмайды
field-applicant = Өтініш иесі
field-full-name = Тегі, аты, әкесінің аты
field-address = Мекен-жайы
field-phone = Байланыс телефоны
field-summary = Қысқаша мазмұны
field-category = Санаты
register-submit = Тіркеу
register-done = Өтініш { $year } жылғы № { $number } болып тіркелді.
form-has-errors = Формада қате бар, ештеңе тіркелген жоқ. Төменде белгіленген өрістерді түзетіңіз.

## Өтініш беті
appeal-title = { $year } жылғы № { $number } өтініш
appeal-channel = Түскен арнасы
appeal-registered = Тіркелген уақыты
appeal-registered-by = Тіркеген
appeal-category = Санаты
appeal-anonymous = Иесі бүркемеленген (жасырын) өтініш
appeal-back = Журналға оралу
appeal-corrected-notice = Бұл жазба түзетілген. Күшіндегі жазба — түзету:
appeal-correction-notice = Бұл жазба бұрынғы жазбаны түзетеді:
appeal-correction-reason = Түзету себебі
history-title = Тарихы
history-registered = № { $number } болып тіркелді
history-outcome = Шешу қорытындысы жазылды
history-correction = № { $number } ({ $year }) жазбамен түзетілді
outcome-title = Шешу қорытындысын жазу
outcome-text = Өтінішті шешу қорытындысы
outcome-submit = Қорытындыны сақтау
outcome-saved = Қорытынды сақталды.
outcome-none = Шешу қорытындысы әлі жазылмаған.
correct-link = Жазбаны түзету
correction-title = { $year } жылғы № { $number } жазбаны түзету
correction-intro = Тіркелген жазба ешқашан өзгертілмейді және өшірілмейді. Түзету өз нөмірі бар жаңа жазба болып тіркеледі, осы жазбаға сілтейді, екеуі де журналда қалады.
correction-reason = Түзету себебі
correction-submit = Түзетуді тіркеу
correction-done = Түзету { $year } жылғы № { $number } болып тіркелді.
forwarding-none = —

## Есептік жазбалар
users-title = Қызметкерлердің есептік жазбалары
users-add = Қызметкерді қосу
users-login = Логин
users-full-name = Тегі, аты, әкесінің аты
users-positions = Лауазымдары
users-position-first = Лауазымы
users-position-second = Екінші лауазымы (болса)
users-position-none = жоқ
users-language = Тілі
users-email = Электрондық пошта (міндетті емес)
users-email-hint = Мерзімі жақындаған және өткен жіберулердің күнделікті хабарламасы осында жіберіледі: тек нөмірлер мен мерзімдер.
users-submit = Есептік жазбаны ашу
users-created = { $login } есептік жазбасы ашылды. Бір реттік құпиясөз: { $password } — оны қызметкерге өзіңіз беріңіз, ол тек қазір көрсетіледі.
users-admin-note = Жүйе әкімшісі есептік жазбаларды басқарады, өтініштерді аша алмайды. Өтініштерді оқитын лауазымдағы жаңа есептік жазба оларды директор немесе директордың орынбасары растағаннан кейін ғана ашады.

## Құпиясөз
password-title = Құпиясөзді өзгерту
password-current = Қазіргі құпиясөз
password-new = Жаңа құпиясөз
password-repeat = Жаңа құпиясөзді қайталаңыз
password-submit = Құпиясөзді өзгерту
password-changed = Құпиясөз өзгертілді.
password-must-change = Сіз бір реттік құпиясөзбен кірдіңіз. Жұмысты жалғастыру үшін өз құпиясөзіңізді қойыңыз.
password-wrong = Қазіргі құпиясөз қате.
password-mismatch = Жаңа құпиясөздер сәйкес емес.
password-too-short = Жаңа құпиясөзде кемінде 12 таңба болуы керек.
password-common = Бұл құпиясөз тым жиі кездеседі немесе логиніңізге негізделген: оны оңай табады. Бірнеше сөзден тұратын басқа құпиясөз таңдаңыз.

## Тіл
language-submit = Ауыстыру

## Арналар
channel-phone = «Сенім телефонына» қоңырау
channel-box-letter = «Сенім жәшігіне» түскен хат
channel-online-box = Онлайн «Сенім жәшігі»
channel-voicemail = Дауыстық хабарлама
channel-in-person = Жеке келу
channel-email = Электрондық пошта

## Санаттар
category-violence = Зорлық-зомбылық
category-mental-health = Психикалық денсаулық
category-family-relationships = Отбасылық қарым-қатынас
category-peer-relationships = Құрдастармен қарым-қатынас
category-education-and-occupation = Оқу және еңбек
category-physical-health = Дене саулығы
category-access-to-services = Қызметтерге қол жеткізу
category-discrimination-and-exclusion = Кемсітушілік және шеттету
category-sexuality = Жыныстық мәселелер
category-missing-children = Жоғалған балалар
category-non-counselling = Кеңес беруге қатысы жоқ өтініш
category-topic-only = { $topic } (толығырақ көрсетілмеген)
category-unspecified = Көрсетілмеген

## Лауазымдар
position-responsible-specialist = Жауапты маман
position-psychologist = Педагог-психолог
position-social-pedagogue = Әлеуметтік педагог
position-deputy-director = Директордың тәрбие ісі жөніндегі орынбасары
position-director = Директор
position-administrator = Жүйе әкімшісі

## Қателер
error-title = Қате
error-applicant-required = Иесі көрсетілген өтініште өтініш иесінің тегі, аты, мекен-жайы немесе байланыс телефоны болуы керек.
error-applicant-given-for-anonymous = Жасырын өтініште өтініш иесінің деректері болмайды: аты-жөнін, мекен-жайын, телефонын өшіріңіз немесе «жасырын» белгісін алыңыз.
error-phone-invalid = Телефон нөмірінде 5–20 цифр болады, оған қоса + ( ) - және бос орын жазуға болады.
error-summary-required = Қысқаша мазмұнын жазыңыз.
error-too-long = Мәтін тым ұзын: ең көбі { $limit } таңба.
error-received-in-future = Түскен уақыты қазіргі уақыттан кеш бола алмайды.
error-received-invalid = Түскен күні мен уақытын күн, ай, жыл, сағат және минут түрінде жазыңыз.
error-unknown-channel = Арнаны тізімнен таңдаңыз.
error-unknown-category = Санатты тізімнен таңдаңыз.
error-reason-required = Түзету себебін жазыңыз.
error-outcome-required = Шешу қорытындысын жазыңыз.
error-forbidden = Лауазымыңыз бұл бетті ашуға рұқсат бермейді.
error-not-found = Мұндай бет немесе жазба жоқ.
error-csrf = Форманың мерзімі өтіп кетті. Артқа қайтып, бетті жаңартып, қайта жіберіңіз.
error-busy = Сенім қазір тым көп құпиясөзді тексеріп жатыр. Бірнеше секундтан кейін қайталаңыз.
error-bad-request = Сұрау түсініксіз.
error-internal = Серверде ақау болды. Ештеңе жоғалған жоқ, қайталап көріңіз. Қайталанса, әкімшіге мына оқиға нөмірін айтыңыз: { $incident }.
error-login-taken = Бұл логин бос емес.
error-login-invalid = Логин 3–32 таңбадан тұрады: латын әріптері, цифрлар, нүкте, сызықша немесе астын сызу.
error-full-name-required = Тегін, атын, әкесінің атын жазыңыз.
error-positions-invalid = Бір немесе екі лауазым таңдаңыз; жүйе әкімшісі басқа лауазым атқармайды.

## Мерзімдер
deadline-rule-consideration = ӘРПК 76-бабы: түскен күнінен бастап 15 жұмыс күні ішінде қаралады
deadline-rule-forward-outside-competence = ӘРПК 65-бабы: мектептің құзыретіне жатпаса, 3 жұмыс күні ішінде құзыретті органға жіберіледі
deadline-rule-forward-at-once = Балаға қарсы дайындалып жатқан немесе жасалған қылмыс туралы мәлімет: дереу, түскен күні жіберіледі
deadline-rule-extension-limit = ӘРПК 76-бабы: басшының дәлелді шешімімен ұзартылады, бірақ түскен күнінен бастап екі айдан аспайды
deadline-rule-extension-notice = ӘРПК 76-бабы: өтініш иесіне ұзарту туралы 3 жұмыс күні ішінде хабарланады
deadline-overdue = мерзімі өткен
deadline-due-soon = мерзімі жақындап қалған
deadline-on-time = мерзімінде

## Жіберу
forwarding-title = Қарауға жіберілген органы (д бағаны)
forwarding-new = Өтінішті қарауға жіберу
forwarding-act-deadlines = Мектеп өзі жіберуге тиіс мерзімдер
forwarding-organisation = Ұйым-орындаушы
forwarding-channel = Жіберу тәсілі
forwarding-channel-email = электрондық пошта
forwarding-channel-fax = факс
forwarding-channel-telephonogram = телефонограмма
forwarding-text-link = жіберілетін мәтін
forwarding-sent = Жіберілді
forwarding-deadline = Қарау мерзімі
forwarding-receipt-day = Түскен күні ретінде есептеледі
forwarding-other-date = Басқа күн (тек себебімен)
forwarding-reason = Себебі
forwarding-submit = Жіберуді тіркеу
forwarding-saved = Жіберу тіркелді.
forwarding-received = Қабылдаған
forwarding-received-title = Кім қабылдағанын жазу
forwarding-received-by = Қабылдаған адамның тегі, аты, әкесінің аты
forwarding-received-at = Қабылдаған күні мен уақыты
forwarding-received-submit = Сақтау
forwarding-answer = Ұйымның жауабы
forwarding-answer-title = Жауапты жазу
forwarding-answered-date = Жауап күні
forwarding-answer-submit = Жауапты сақтау (ол шешу қорытындысы болады)
forwarding-answered-on = { $date } жауап берілді
forwarding-withdrawn = кері қайтарылды
forwarding-withdraw-title = Кері қайтару (қателесіп жіберілген)
forwarding-withdraw-submit = Кері қайтару
forwarding-deadline-title = Мерзімді өзгерту
forwarding-deadline-submit = Мерзімді өзгерту
forwarding-event-forwarded = жіберілді
forwarding-event-deadline-changed = мерзімі өзгертілді
forwarding-event-received = қабылданғаны жазылды
forwarding-event-answered = жауабы жазылды
forwarding-event-withdrawn = кері қайтарылды
telephonogram-title = ТЕЛЕФОНОГРАММА
fax-title = ФАКС ІЛЕСПЕ ХАТЫ
telephonogram-date = Күні мен уақыты
telephonogram-from = Кімнен
telephonogram-to = Кімге
telephonogram-transmitted = Берген
telephonogram-received = Қабылдаған
telephonogram-body = { $school } { $received } түскен { $year } жылғы № { $number } өтінішті қарауға жібереді. Қысқаша мазмұны: { $summary } Қарау мерзімі: { $due }. Қарау қорытындысы туралы хабарлауыңызды сұраймыз.
directory-title = Ұйым-орындаушылар
directory-intro = Мектеп өтініштерді жіберетін органдар. Жіберу бір басумен болуы үшін олардың электрондық поштасын, факсын, телефонын толтырыңыз.
directory-name-kk = Қазақша атауы
directory-name-ru = Орысша атауы
directory-email = Электрондық пошта
directory-fax = Факс
directory-phone = Телефон
directory-address = Мекен-жайы
directory-save = Сақтау
directory-add = Ұйым қосу
directory-add-submit = Қосу
monitoring-title = Жіберілген өтініштердің мерзімдері
monitoring-intro = Жауап күтіп тұрған барлық жіберу, күні:
monitoring-none = Жоқ.
monitoring-appeal = Өтініш
monitoring-responsible = Жауапты
error-unknown-executing-organisation = Ұйым-орындаушыны мектеп тізімінен таңдаңыз.
error-no-email-address = Бұл ұйымның анықтамалықта электрондық поштасы жоқ: оны сонда қосыңыз немесе факс не телефонограмма таңдаңыз.
error-deadline-reason-required = Заңдағыдан басқа мерзімнің себебі көрсетілуі керек.
error-deadline-before-receipt = Мерзім өтініш түскен күннен бұрын бола алмайды.
error-deadline-beyond-limit = Ұзартылған мерзім түскен күннен бастап екі айдан аспайды.
error-answer-required = Ұйымның жауабын жазыңыз.
error-receiver-required = Қабылдаған адамның тегін, атын, әкесінің атын жазыңыз.
error-name-required = Ұйымның қазақша атауын жазыңыз.
error-email-invalid = Бұл электрондық пошта мекенжайы емес.
error-forwarding-closed = Бұл жіберуге жауап берілген немесе ол кері қайтарылған.

## Электрондық пошта
forwarding-include-applicant = Хатқа өтініш иесінің аты-жөнін, мекен-жайын, телефонын қосу (тек ұйымға қажет болса)
forwarding-letter-language = Хаттың тілі
delivery-pending = хат жіберуді күтіп тұр
delivery-sent = хат жіберілді { $at }
delivery-retrying = әлі жіберілмеді: { $reason } ({ $attempts } әрекет); келесі әрекет { $next }
delivery-failed = хат қабылданбады: { $reason }. Анықтамалықтағы мекенжайды түзетіп, қайта жіберіңіз.
letter-subject = { $year } жылғы № { $number } өтініш қарауға жіберілді
letter-body =
    Кімге: { $organisation }
    { $school } { $received } түскен { $year } жылғы № { $number } өтінішті қарауға жібереді.
    Қысқаша мазмұны: { $summary }
    { $applicant }
    Қарау мерзімі: { $due }.
    Қарау қорытындысы туралы хабарлауыңызды сұраймыз.
    { $sender }, { $school }
letter-applicant = Өтініш иесі: { $name }, { $address }, { $phone }
digest-subject = Сенім: мерзімі өткен { $overdue }, мерзімі жақындап қалған { $due_soon }
digest-line = { $year } жылғы № { $number } өтініш — мерзімі { $due }
digest-footer = Толығы Сенімде, «Мерзімдер» бөлімінде. Бұл хатта өтініштердің аттары мен мәтіндері жоқ.

delivery-cancelled = хат жіберілмеді: жіберу оған дейін жабылды
delivery-resend = Қайта жіберу
delivery-error-connection = пошта серверіне қосылу мүмкін болмады
delivery-error-transient = пошта сервері кейінірек жіберуді сұрады
delivery-error-permanent = пошта сервері хатты қабылдамады
delivery-error-bad-recipient = мекенжай дұрыс емес
delivery-error-other = хатты дайындау мүмкін болмады

## Шұғыл белгі
mark-urgent = шұғыл
triage-urgent = Шұғыл: қысқаша мазмұнында балаға қауіп туралы айтылады.
triage-national-lines = Бала қазір қауіпте болса: полиция 102, жедел жәрдем 103, «111» ұлттық желісі (тәулік бойы), балалар мен жастарға арналған «150» сенім телефоны.
triage-clear-title = Шұғыл белгіні алу
triage-clear-reason = Неге шұғыл емес
triage-clear-submit = Белгіні алу
triage-cleared = Шұғыл белгі алынды

alert-subject = Сенім: шұғыл өтініш, { $year } жылғы № { $number }
alert-body =
    Шұғыл өтініш тіркелді: { $year } жылғы № { $number }.
    Оны оқып, шара қолдану үшін Сенімге дереу кіріңіз. Бұл хатта өтініштің мәтіні жоқ.

## The online Trust Box (public pages)
box-title = «Сенім жәшігі»
box-intro = Мұнда мектеп психологына, әлеуметтік педагогқа немесе әкімшілікке жазуға болады. Атыңызды жазу міндетті емес: хатты кім жазғанын ешкім білмейді.
box-text = Не болды? Не айтқыңыз келеді?
box-identify = Атымды немесе байланысымды қалдырғым келеді (міндетті емес)
box-identify-hint = Толтырсаңыз, мамандар сізбен өздері хабарласа алады. Бос қалдырсаңыз, өтініш жасырын болады.
box-name = Атыңыз
box-contact = Телефон немесе электрондық пошта
box-code-warning = Жібергеннен кейін түбіртек коды бір рет қана көрсетіледі. Оны жазып алыңыз: жауапты тек сол кодпен оқуға болады, ал жоғалған кодты қалпына келтіру мүмкін емес.
box-send = Жіберу
box-anonymity = Біз сіздің желілік мекенжайыңызды, құрылғыңызды немесе браузеріңізді сақтамаймыз, кукиді пайдаланбаймыз.
box-followup-link = Жауапты оқу (түбіртек кодымен)
box-lines-title = Қазір көмек керек болса, тегін қоңырау шалыңыз:
box-lines-111 = 111 — отбасы мен балаларға арналған бірыңғай байланыс орталығы, тәулік бойы.
box-lines-150 = 150 — балалар мен жастарға арналған сенім телефоны.
box-lines-danger = Өміріңізге қауіп төнсе: полиция 102, жедел жәрдем 103.
box-sent-title = Хатыңыз жеткізілді
box-sent-code = Сіздің түбіртек кодыңыз:
box-code = Түбіртек коды
box-sent-keep = Кодты қазір жазып алыңыз немесе суретке түсіріңіз. Ол қайта көрсетілмейді және оны қалпына келтіру мүмкін емес. Кодты ешкімге бермеңіз.
box-expected-now = Қазір жұмыс уақыты: мамандар хатыңызды бүгін оқиды.
box-expected-later = Қазір жұмыс уақыты емес. Мамандар хатыңызды келесі жұмыс уақытында оқиды: { $from }.
box-followup-title = Жауапты оқу
box-followup-write = Тағы жазу
box-followup-close = Оқып болған соң бетті жабыңыз; код бұл бетте сақталмайды.
box-followup-open = Ашу
box-followup-lost = Код жоғалса, оны қалпына келтіру мүмкін емес: жаңа хат жазыңыз.
box-new-message = Жаңа хат жазу
box-cross-site = Хатты осы беттің өзінен жіберіңіз.
box-too-many = Тым көп әрекет жасалды. Сәлден кейін қайталап көріңіз. Көмек қазір керек болса, 111 немесе 150 нөміріне қоңырау шалыңыз.
box-error-empty = Хаттың мәтінін жазыңыз.
box-from-you = Сіз
box-from-staff = Мектеп
box-followup-sent = Хатыңыз жеткізілді.
box-followup-waiting = Әзірге жауап жоқ. Мамандар жауап бергенде, ол осы жерде көрінеді: кейінірек сол кодпен қайта кіріңіз.
box-followup-not-found = Бұл кодпен хат табылмады. Цифрларды тексеріп, қайта енгізіңіз.

## The online conversation on the appeal page
conversation-title = Оқушымен хат алмасу (түбіртек коды бойынша)
conversation-hint = Оқушы сіздің атыңызды көрмейді, тек «Мектеп» деген жазуды көреді. Жауап оқушы кодын енгізгенде ғана көрінеді.
conversation-from-student = Оқушы
conversation-reply = Жауап
conversation-reply-submit = Жауап жіберу
conversation-replied = Жауап жіберілді.
appeal-registered-automatically = Онлайн «Сенім жәшігі» (автоматты түрде)

## The paper Trust Box: openings, acts, schedule, poster, slips
nav-trust-box = «Сенім жәшігі»
trustbox-title = «Сенім жәшігі»
opening-next-due = «Сенім жәшігін» келесі ашу мерзімі: { $date }.
opening-overdue = «Сенім жәшігін» ашу мерзімі өткен: жәшік { $date } ашылуы керек еді.
opening-list-title = Жәшікті ашу актілері
opening-new = «Сенім жәшігін» ашу
opening-none = Жәшік әлі ашылған жоқ.
opening-when = Ашылған күні мен уақыты
opening-letters = Табылған хаттар саны
opening-members = Комиссия мүшелері (қол қоятындар)
opening-members-hint = Актіге кемінде екі комиссия мүшесі қол қояды.
opening-letters-hint = Жәшік бос болса, 0 жазыңыз: бос жәшік те актімен рәсімделеді.
opening-waiting = Тіркелмеген хаттар: { $count }
opening-schedule-title = Ашу кестесі
opening-schedule = Жәшік ашылады
opening-schedule-save = Сақтау
opening-schedule-saved = Кесте сақталды.
schedule-weekly = аптасына бір рет
schedule-twice-monthly = айына екі рет
schedule-monthly = айына бір рет
trustbox-online-title = Онлайн «Сенім жәшігі»
trustbox-online-address = Оқушыларға арналған мекенжай:
trustbox-poster = Хабарландыруды басып шығару (телефонмен оқылатын кодымен)
slips-title = Түбіртек коды бар қағаз парақшалар
slips-hint = Әр парақшада жаңа түбіртек коды мен жауап бетінің телефонмен оқылатын коды бар. Оқушы хатын парақшаға жазып, кодты өзіне жыртып алады; комиссия хатты тіркегенде кодты енгізеді, сонда оқушы жауапты онлайн оқи алады.
slips-count = Парақша саны
slips-print = Басып шығару
slips-once = Қазір басып шығарыңыз: кодтар сақталмайды және қайта көрсетілмейді.
slips-instruction = Хатыңызды осы парақшаға жазыңыз (атыңызды жазу міндетті емес). Төмендегі түбіртекті жыртып алып, сақтаңыз: жауапты сол кодпен онлайн оқисыз.
slips-for-commission = Комиссия үшін хат коды
slips-keep = Бұл түбіртекті сақтаңыз. Жауапты осы кодпен оқисыз:
poster-lead = Айтқың келетін нәрсе бар ма? Мектеп психологына жаз — атыңды жазбай-ақ.
poster-anonymous = Телефонның камерасын суреттегі кодқа бағытта. Хатты кім жазғанын ешкім білмейді.
opening-save = Актіні сақтау
opening-act-in = Актіні мына тілде көру:
opening-recorded = Актіні жазған
opening-letters-title = Хаттар
opening-no-letters = Бұл ашуда тіркелген хат жоқ.
opening-letter-n = № { $n } хатты тіркеу (барлығы { $count })
opening-letter-signed = Хатқа қол қойылған (иесінің деректері)
opening-slip-code = Парақшадағы хат коды (12 цифр, болса)
opening-slip-hint = Хат түбіртек коды бар парақшаға жазылса, хаттың өзіндегі 12 цифрлы кодты енгізіңіз: оқушы жауапты өзінде қалған түбіртек кодымен онлайн оқиды.
opening-letter-register = Хатты тіркеу
opening-letter-registered = Хат тіркелді.
error-opening-members = Актіге қол қоятын кемінде екі комиссия мүшесін таңдаңыз.
error-opening-letters = Хаттар санын 0-ден 500-ге дейін жазыңыз.
error-opening-future = Жәшікті ашу уақыты болашақта бола алмайды.
error-opening-all-registered = Бұл ашуда табылған хаттардың бәрі тіркелген.
error-slip-unknown = Бұл хат коды бар пайдаланылмаған парақша табылмады. Цифрларды тексеріңіз немесе өрісті бос қалдырыңыз.
act-heading = «Сенім жәшігін» ашу кезінде түзілген
act-date = Күні: { $date } ж.
act-title = АКТ
act-body-empty = Біз төменде қол қоюшылар «Сенім жәшігін» ашу кезінде еш бір хаттың болмауын анықтадық.
act-body-letters = Біз төменде қол қоюшылар «Сенім жәшігін» ашу кезінде { $count } хат табылғанын анықтадық.
act-body-registered = Хаттар өтініштерді тіркеу журналына тіркелді: № { $numbers }.

## Hand-over of an urgent appeal
handover-title = Ұлттық қызметке беру
handover-service = Кімге берілді
handover-when = Қашан (Қазақстан уақыты)
handover-note = Ескертпе: кіммен сөйлестіңіз, тіркеу нөмірі (міндетті емес)
handover-submit = Беруді жазу
handover-saved = Беру жазылды.
service-111 = 111 — отбасы мен балаларға арналған бірыңғай байланыс орталығы
service-102 = 102 — полиция
service-103 = 103 — жедел жәрдем
error-handover-service = Қызметті таңдаңыз: 111, 102 немесе 103.
error-handover-future = Беру уақыты дұрыс емес немесе болашақта.
error-handover-note = Ескертпе тым ұзын (1000 таңбадан аспауы керек).

error-classification-value = Тізімдегі мәндердің бірін таңдаңыз.
error-classification-age = Жасын 0-ден 25-ке дейінгі толық жылмен жазыңыз.
mark-awaiting-answer = Оқушы жауап күтуде

## Documents: the registration book, the poster, the journal as a workbook
book-title = «Сенім жәшігіне» түскен хаттарды, «Сенім телефонына» түскен қоңырауларды тіркеу кітабы
book-academic-year = { $years } оқу жылы
book-year-break = { $year } жыл: реттік нөмірлер 1-ден басталады
book-corrects = { $entry } жазбаны түзетеді
book-corrected-by = { $entry } жазбамен түзетілген
book-empty = Бұл оқу жылында тіркелген өтініш жоқ.
book-certification-before = Осы кітапта
book-certification-after = бет нөмірленген, тігілген және мөрмен бекітілген.
book-seal = М.О.
book-fingerprint = { $year } жылғы журналдың №{ $number } жазбадан кейінгі тізбек ізі: { $fingerprint } (серверде тексеру пәрменімен салыстырылады)
poster-title = «Сенім телефоны» мен «Сенім жәшігі»
poster-phone = «Сенім телефоны»
poster-hours = Дүйсенбі – жұма, 9:00 – 18:30. Жұмыстан тыс уақытта автожауап қайтарғышқа хабарлама қалдыруға болады.
xlsx-sheet = Тіркеу журналы
xlsx-year = Жыл
xlsx-status = Жағдайы
xlsx-yes = иә
xlsx-status-closed = Шешілді
xlsx-status-open = Қаралуда
xlsx-status-forwarded = Жіберілді
download-journal-xlsx = Журналды кесте ретінде жүктеу
download-book = Тіркеу кітабын басып шығару
download-act = Актіні жүктеу
trustbox-phone = «Сенім телефонының» нөмірі (хабарландыру үшін)
trustbox-phone-saved = Телефон нөмірі сақталды.
download-pdf-kk = басып шығаруға, қазақша
download-pdf-ru = басып шығаруға, орысша
download-docx-kk = өңдеуге, қазақша
download-docx-ru = өңдеуге, орысша
download-in-kk = қазақша
download-in-ru = орысша
download-poster = Хабарландыруды басып шығаруға

## The monthly analysis
nav-analysis = Айлық талдау
analysis-title = Айлық талдау
analysis-hint = Айдағы жұмыс сандармен: алдыңғы аймен және өткен жылғы осы аймен қатар. Аты-жөн де, мәтін де жоқ.
analysis-total = Барлық өтініш
analysis-anonymous = Жасырын өтініштер
analysis-urgent = Шұғыл өтініштер
analysis-forwarded = Қарауға жіберілгендер
analysis-answered-on-time = Мерзімінде жауап берілгендер
analysis-overdue = Мерзімі өткендер
analysis-with-outcome = Шешу қорытындысы жазылғандар
analysis-openings-held = «Сенім жәшігі» ашылды
analysis-openings-scheduled = Кесте бойынша ашылуы керек еді
analysis-by-category = Санаттары бойынша
analysis-by-channel = Түскен арналары бойынша
download-analysis = Директорға
journal-analysis-submitted = Соңғы айлық талдау ({ $month }) директорға тапсырылды: { $date }
analysis-text-title = Талдау
analysis-text-kk = Талдау мәтіні, қазақша
analysis-text-ru = Талдау мәтіні, орысша
analysis-text-hint = Мәтінді «Сенім» айдың сандарынан жазды; директорға тапсырмас бұрын өңдеуге болады. Тек сандар: баланың аты-жөнін де, өтініш мәтінін де жазбаңыз.
analysis-save = Жобаны сақтау
analysis-submit = Директорға тапсыру
analysis-saved = Талдау сақталды.
analysis-submitted = Талдау директорға тапсырылды.
analysis-submitted-by = Директорға тапсырылды: { $name }, { $date }.
analysis-draft-by = Жоба, тапсырылмаған: { $name }, { $date }.
analysis-not-written = Бұл айдың талдау мәтіні әлі жазылмаған.
analysis-text-too-long = Талдау мәтіні тым ұзын (ең көбі 8000 таңба).
analysis-generated-total = { $month }: { $total } өтініш тіркелді (алдыңғы айда — { $previous }, өткен жылғы осы айда — { $year_ago }).
analysis-generated-kinds = Оның ішінде жасырын — { $anonymous }, шұғыл — { $urgent }.
analysis-generated-channels = Түскен арналары: { $channels }.
analysis-generated-forwarded = Қарауға жіберілді — { $forwarded }, мерзімінде жауап берілді — { $on_time }, жауап мерзімі өтті — { $overdue }.
analysis-generated-openings = «Сенім жәшігі» { $held } рет ашылды (кесте бойынша — { $scheduled }).

## Months
month-1 = Қаңтар
month-2 = Ақпан
month-3 = Наурыз
month-4 = Сәуір
month-5 = Мамыр
month-6 = Маусым
month-7 = Шілде
month-8 = Тамыз
month-9 = Қыркүйек
month-10 = Қазан
month-11 = Қараша
month-12 = Желтоқсан

## The commission's minutes
nav-minutes = Хаттамалар
minutes-page-title = Комиссия отырыстарының хаттамалары
minutes-hint = Хаттамалар жыл сайын №1-ден басталып нөмірленеді. Күн тәртібін «Сенім» соңғы отырыстан бергі жұмыстан ұсынады — тек сандар, аты-жөн мен мәтін жоқ.
minutes-year = Жыл
minutes-none = Бұл жылы хаттама жоқ.
minutes-new = Жаңа хаттама
minutes-held-on = Отырыс күні
minutes-item = { $number }-мәселе
minutes-topic = Мәселе
minutes-speaker = Тыңдалған
minutes-no-speaker = — ешкім —
minutes-said = Не айтты
minutes-resolved-field = Қаулы
minutes-chair-field = Жиналыс төрағасы
minutes-secretary-field = Хатшы
minutes-items-hint = Толтырылмаған мәселе ескерілмейді.
minutes-propose = Күн тәртібін ұсыну
minutes-record = Хаттаманы тіркеу
minutes-recorded = Хаттама №{ $number } тіркелді.
minutes-proposed = Күн тәртібі { $since } бастап болған жұмыстан ұсынылды; өзгертуге болады.
minutes-proposed-letters-topic = «Сенім жәшігіне» түскен хаттарды талқылау.
minutes-proposed-letters-said = { $since } бастап «Сенім жәшігі» { $openings } рет ашылды, жәшікке { $letters } хат түсті.
minutes-proposed-appeals-topic = «Сенім телефоны» мен «Сенім жәшігіне» түскен өтініштер бойынша атқарылған жұмыс.
minutes-proposed-appeals-said = { $appeals } өтініш тіркелді, оның ішінде шұғыл — { $urgent }.
minutes-proposed-overdue-topic = Жауап мерзімі өткен жолдамалар.
minutes-proposed-overdue-said = Орындаушы ұйымдардан жауап мерзімі өткен жолдамалар: { $overdue }.
minutes-heading = «Сенім жәшігінің» комиссия мүшелерінің { $month ->
    [1] Қаңтар
    [2] Ақпан
    [3] Наурыз
    [4] Сәуір
    [5] Мамыр
    [6] Маусым
    [7] Шілде
    [8] Тамыз
    [9] Қыркүйек
    [10] Қазан
    [11] Қараша
   *[12] Желтоқсан
} айындағы отырысы
minutes-date = { $date } жыл.
minutes-number = Хаттама №{ $number }
minutes-attendees = Қатысқандар:
minutes-agenda = Күн тәртібінде:
minutes-heard = Тыңдалды:
minutes-resolved = Қаулы:
minutes-chair = Жиналыс төрағасы
minutes-secretary = Хатшы
error-minutes-attendees-required = Отырысқа кім қатысқанын белгілеңіз.
error-minutes-items-required = Күн тәртібінде кемінде бір мәселе болсын.
error-minutes-topic-required = Әр мәселенің атауы болсын.
error-minutes-resolved-required = Әр мәселе бойынша қаулы жазылсын.
error-minutes-speaker-not-attendee = Тыңдалған адам отырысқа қатысқандардың ішінде болуы керек.
error-minutes-chair-not-attendee = Жиналыс төрағасы отырысқа қатысқандардың ішінде болуы керек.
error-minutes-secretary-not-attendee = Хатшы отырысқа қатысқандардың ішінде болуы керек.
error-minutes-too-long = Мәтін тым ұзын (ең көбі 4000 таңба).
error-minutes-held-in-future = Хаттама отырыс өткеннен кейін ғана тіркеледі.
error-minutes-unknown-attendee = Қатысқандар осы мектептің қызметкерлері болуы керек.
error-minutes-date = Отырыс күнін көрсетіңіз.

## The yearly activity plan
nav-plan = Іс-шаралар жоспары
plan-page-title = Іс-шаралар жоспары
plan-hint = Әр іс-шараның кезеңдері тіркелген жұмыстан белгіленеді: жәшікті ашу актілері, хаттамалар, тіркелген қоңыраулар; қалғанын қызметкер жазбамен белгілейді.
plan-academic-year = Оқу жылы
plan-none = { $years } оқу жылының жоспары әлі жоқ.
plan-create-default = Үлгі жоспармен бастау (7 іс-шара)
plan-created = Жоспар жасалды.
plan-exists = Бұл оқу жылының жоспары бұрыннан бар.
plan-title = { $years } оқу жылында «Сенім телефоны» мен «Сенім жәшігі» бойынша атқарылатын іс-шаралар жоспары
plan-col-number = №
plan-col-activity = Атқарылатын іс-шаралар
plan-col-timing = Мерзімі
plan-col-responsible = Жауапты
plan-col-progress = Орындалуы
plan-progress = { $due } кезеңнің { $done } орындалды
plan-progress-quiet = Қоңырау түскен жоқ — орындалмаған кезең жоқ
plan-progress-running = Алғашқы кезең жүріп жатыр
plan-progress-not-begun = Кезеңдері әлі басталған жоқ
plan-progress-missed = Орындалмағандар: { $periods }
plan-legend = Орындалуы { $date } күнгі жазбалар бойынша: жәшікті ашу актілері, хаттамалар, тіркелген қоңыраулар және қызметкерлердің белгілері.
plan-activity-organise = «Сенім телефоны» мен «Сенім жәшігі» жұмысын ұйымдастыру.
plan-activity-order = «Сенім телефоны» мен «Сенім жәшігі» бойынша бұйрық шығару.
plan-activity-inform-classes = «Сенім телефоны» мен «Сенім жәшігі» ақпаратты сыныптарға беру.
plan-activity-letters = «Сенім жәшігіне» түскен хаттармен жұмыс жасау.
plan-activity-calls = «Сенім телефоны» түскен қоңыраулармен жұмыс және тіркеу.
plan-activity-act = «Сенім жәшігін» ашқанда АКТ толтыру.
plan-activity-council = «Сенім телефоны» мен «Сенім жәшігіне» түскен мәліметтерді директор жанындағы кеңесте қарау.
timing-weekly = Аптасына бір рет
timing-twice-monthly = Айына екі рет
timing-monthly = Айына бір рет
timing-once = Жылына бір рет
plan-evidence-openings = жәшікті ашу актілерінен белгіленеді
plan-evidence-minutes = хаттамалардан белгіленеді
plan-evidence-calls = тіркелген қоңыраулардан белгіленеді
plan-evidence-manual = қызметкердің белгісімен
plan-mark-done = орындалды
plan-mark-marked = белгіленді
plan-mark-missed = орындалмады
plan-mark-quiet = қоңырау түспеді
plan-mark-current = ағымдағы кезең
plan-mark-upcoming = алда
position-short-responsible-specialist = Жауапты маман
position-short-psychologist = Педагог-психолог
position-short-social-pedagogue = Әлеуметтік педагог
position-short-deputy-director = ДТІЖО
position-short-director = Директор
position-short-administrator = Жүйе әкімшісі
plan-add = Іс-шара қосу
plan-activity-field = Іс-шара
plan-own-activity = — өз іс-шарамыз (төменде жазыңыз) —
plan-own-wording = Өз іс-шараңыздың мәтіні
plan-timing-field = Мерзімі
plan-responsible-field = Жауапты
plan-item-added = Іс-шара қосылды.
plan-remove = Жоспардан алып тастау
plan-remove-warning = Іс-шара жоспардан алынады, оның қолмен қойылған белгілері де жойылады. Стандарт іс-шараны «Іс-шара қосу» арқылы қайта қосуға болады.
plan-remove-confirm = Иә, жоспардан алып тастау
plan-item-removed = Іс-шара жоспардан алынды.
plan-mark = Орындалды деп белгілеу
plan-mark-period = Кезең
plan-mark-note = Не істелді
plan-marked = Кезең орындалды деп белгіленді.
plan-unmark = Белгіні алу
plan-unmarked = Белгі алынды.
error-plan-activity = Іс-шараны жазыңыз (ең көбі 500 таңба).
error-plan-responsible = Жауапты лауазымды таңдаңыз.
error-plan-timing = Мерзімі оқу жылының бір айы болсын (қыркүйек – мамыр).
error-plan-note = Не істелгенін жазыңыз (ең көбі 500 таңба).
error-plan-period = Бұл кезең осы іс-шараның кезеңі емес.
error-plan-future-period = Әлі басталмаған кезеңді орындалды деп белгілеуге болмайды.

nav-staff = Қызметкерлердің рұқсаты
staff-title = Қызметкерлердің рұқсаты
staff-note = Өтініштерді оқитын лауазымдағы жаңа есептік жазба мектеп директоры немесе директордың орынбасары растағанша ештеңе ашпайды. Жүйе әкімшісі растай алмайды.
staff-none-waiting = Растауды күтетін есептік жазба жоқ.
staff-confirm = Растау
staff-confirm-who = { $login } есептік жазбасын растау
staff-confirmed = Есептік жазба расталды: енді ол өтініштерді оқи алады.
journal-accounts-waiting = Өтініштерді оқу үшін сіздің растауыңызды күтетін есептік жазбалар: { $count }.
error-awaiting-confirmation = Есептік жазбаңызды мектеп директоры немесе директордың орынбасары әлі растаған жоқ. Растағанға дейін өтініштер ашылмайды; тек өз есептік жазбаңыздың беттері қолжетімді.
error-nothing-to-confirm = Бұл есептік жазба растауды күтпейді.
confirmation-request-subject = Сенім: есептік жазба сіздің растауыңызды күтуде
confirmation-request-body =
    { $login } есептік жазбасы ашылды ({ $positions }).
    Ол өтініштерді сіз немесе директордың орынбасары Сенімде растағаннан кейін ғана оқиды: Сенімге кіріп, «Қызметкерлердің рұқсаты» бетін ашыңыз.
    Бұл хатта өтініштер туралы мәлімет жоқ.
staff-waiting = Растауды күтетіндер
staff-accounts = Барлық есептік жазбалар
staff-state = Күйі
staff-change = Өзгерту
staff-deactivate = Өшіру
staff-reactivate = Қайта қосу
staff-deactivate-who = { $login } есептік жазбасын өшіру
staff-reactivate-who = { $login } есептік жазбасын қайта қосу
staff-deactivated = Есептік жазба өшірілді: оның ашық беттері мен қосымшаларға берілген токендері бұдан былай ештеңе ашпайды.
staff-reactivated = Есептік жазба қайта қосылды. Өтініштерді оқитын болса, ол қайтадан растауды күтеді.
staff-deactivate-note = Өшірілген есептік жазба жүйеге кіре алмайды, ашық беттері келесі сұраныста жабылады, токендері жұмыс істемейді. Өз есептік жазбаңызды өшіре алмайсыз.
account-state-active = белсенді
account-state-awaiting-confirmation = растауды күтуде
account-state-deactivated = өшірілген
error-account-state-unchanged = Есептік жазба онсыз да осы күйде.
error-own-account = Өз есептік жазбаңызды мұнда өзгертуге немесе өшіруге болмайды; құпиясөзіңізді «Құпиясөз» бетінде ауыстырыңыз.
nav-tokens = Токендер
tokens-title = Қосымшаларға арналған токендер
tokens-note = Токен мектептің телефон станциясына немесе басқа жүйеге Сенімнің бағдарламалық интерфейсі арқылы сіздің атыңыздан жұмыс істеуге мүмкіндік береді — тек белгіленген рұқсаттар шегінде және мерзімі біткенше.
tokens-created = Жаңа токен. Оны қазір көшіріп алыңыз: ол енді көрсетілмейді.
tokens-none = Токен әлі жоқ.
tokens-name = Атауы
tokens-name-hint = мысалы, мектеп АТС-ы
tokens-scopes = Рұқсаттары
tokens-made = Берілді
tokens-ends = Мерзімі
tokens-revoke = Кері қайтару
tokens-revoke-which = «{ $name }» токенін кері қайтару
tokens-revoked = Токен кері қайтарылды: ол бұдан былай ештеңе ашпайды.
tokens-add = Жаңа токен
tokens-submit = Токен алу
tokens-expires-30d = 30 күн
tokens-expires-90d = 90 күн
tokens-expires-1y = 1 жыл
token-state-active = жарамды
token-state-expired = мерзімі өтті
token-state-revoked = кері қайтарылды
token-scope-journal-read = журналды және өтініштерді оқу
token-scope-journal-write = өтініштерді тіркеу және жазба жүргізу
token-scope-phone-intake = қараусыз түскенді (дауыстық хабарламаларды) қабылдау, ештеңе оқымайды
token-scope-staff-manage = қызметкерлердің есептік жазбаларын басқару
error-scope-not-allowed = Лауазымыңыз рұқсат ететін кемінде бір рұқсатты таңдаңыз.
error-lifetime-invalid = Мерзімін таңдаңыз: ең көбі бес жыл.

## Audit trail
nav-audit = Аудит журналы
nav-sign-ins = Кірулерім
token-scope-audit-read = аудит журналын оқу
audit-title = Аудит журналы
audit-note = Кім, қашан, не істегені: жүйеге кіру, өтінішті ашу, журналды іздеу, құжатты жүктеу, есептік жазбалар мен токендердің өзгерістері. Мұнда өтініштің мәтіні, аты-жөн, телефон, түбіртек коды немесе мекенжай ешқашан жазылмайды. Журналды тек директор мен директордың орынбасары оқиды.
audit-day = Күні
audit-appeal-number = Өтініштің нөмірі
audit-filter = Көрсету
audit-none = Таңдалғанға сай жазба жоқ.
audit-at = Уақыты
audit-who = Кім
audit-what = Не істеді
audit-concerning = Неге қатысты
audit-truncated = Ең соңғы 500 жазба ғана көрсетілді: іздеуді күнмен немесе адаммен тарылтыңыз.
audit-server-holder = сервер иесі (пәрмен жолы)
audit-appeal = №{ $number } өтініш ({ $year } ж.)
audit-action-signed-in = жүйеге кірді
audit-action-sign-in-failed = жүйеге кіре алмады (қате құпиясөз)
audit-action-signed-out = жүйеден шықты
audit-action-appeal-opened = өтінішті ашты
audit-action-journal-viewed = журналды қарады
audit-action-journal-searched = журналдан іздеді
audit-action-conversation-read = онлайн хат алмасуды оқыды
audit-action-document-downloaded = құжатты жүктеді
audit-action-account-created = есептік жазба жасады
audit-action-account-confirmed = есептік жазбаны растады
audit-action-account-changed = есептік жазбаны өзгертті
audit-action-account-deactivated = есептік жазбаны өшірді
audit-action-account-reactivated = есептік жазбаны қайта қосты
audit-action-password-changed = құпиясөзін ауыстырды
audit-action-password-reset = бір реттік жаңа құпиясөз берді
audit-action-two-factor-enabled = екі факторлы кіруді қосты
audit-action-two-factor-disabled = екі факторлы кіруді өшірді
audit-action-recovery-codes-renewed = жаңа қалпына келтіру кодтарын алды
audit-action-recovery-code-used = қалпына келтіру кодымен кірді
audit-action-token-created = токен жасады
audit-action-token-revoked = токенді кері қайтарып алды
audit-action-urgent-flag-cleared = шұғыл белгіні алып тастады
audit-action-settings-changed = баптауды өзгертті
audit-action-chains-sealed = тізбектердің басы кілтпен мөрленді
audit-detail-confirmed = бірден расталған
audit-detail-registration-book = тіркеу кітабы
audit-detail-journal-xlsx = журнал кестесі
audit-detail-opening-act = жәшікті ашу актісі
audit-detail-minutes = хаттама
audit-detail-plan = іс-шаралар жоспары
audit-detail-monthly-analysis = айлық талдау
audit-detail-forwarding-letter = ілеспе хат
audit-detail-poster = хабарландыру
audit-detail-slips = парақшалар
sign-ins-title = Кірулерім
sign-ins-note = Соңғы 90 күндегі кірулеріңіз бен шығуларыңыз. Өзіңіз кірмеген уақытты көрсеңіз, құпиясөзіңізді бірден ауыстырып, директорға хабарлаңыз.

## Two-factor sign-in
nav-two-factor = Екі факторлы кіру
two-factor-title = Екі факторлы кіру
two-factor-note = Құпиясөзден бөлек, телефоныңыздағы аутентификатор қолданбасы әр 30 секунд сайын беретін алты таңбалы кодты сұрайды. Құпиясөзіңізді біреу білсе де, телефонсыз ол кіре алмайды.
two-factor-required-notice = Мектебіңіз өтініштерді оқитын әр есептік жазбадан екінші факторды талап етеді: жалғастыру үшін оны қазір қосыңыз.
two-factor-start = Қосуды бастау
two-factor-scan = Қолданбаға қосу
two-factor-step-app = Телефоныңызға аутентификатор қолданбасын орнатыңыз (кез келген уақытқа негізделген бір реттік код қолданбасы жарайды).
two-factor-step-scan = Қолданбада жаңа есептік жазба қосып, осы кодты сканерлеңіз немесе құпия кілтті қолмен теріңіз.
two-factor-step-code = Қолданба көрсеткен алты таңбалы кодты төменге жазыңыз.
two-factor-qr-label = Аутентификатор қолданбасы сканерлейтін код
two-factor-secret = Құпия кілт:
two-factor-uri = Қолданбаға арналған сілтеме мәтіні
two-factor-code = Қолданбадағы код
two-factor-code-hint = Қолданбадағы алты таңбалы код немесе қалпына келтіру кодтарының бірі.
two-factor-confirm = Тексеру және қосу
two-factor-enabled = Екі факторлы кіру қосылды.
two-factor-is-on = Екі факторлы кіру қосулы.
two-factor-codes-left = Пайдаланылмаған қалпына келтіру кодтары: { $count }.
two-factor-recovery-title = Қалпына келтіру кодтары
two-factor-recovery-note = Телефоныңыз жоғалса, осы кодтардың бірімен кіресіз. Әр код бір рет жарайды. Оларды қағазға жазып, құпия жерде сақтаңыз: бұл кодтар қайта көрсетілмейді.
two-factor-new-codes = Жаңа қалпына келтіру кодтарын алу
two-factor-codes-renewed = Жаңа кодтар дайын: бұрынғылары енді жарамайды.
two-factor-turn-off = Екі факторлы кіруді өшіру
two-factor-disabled = Екі факторлы кіру өшірілді.
two-factor-code-wrong = Код сәйкес келмеді. Қолданбадағы қазіргі кодты жазыңыз.
two-factor-code-reused = Бұл код пайдаланылып қойған. Қолданба келесі кодты көрсеткенше күтіңіз.
two-factor-required-cannot-disable = Мектебіңіз екінші факторды талап етеді, сондықтан оны өшіруге болмайды.
two-factor-start-again = Қосуды қайтадан бастаңыз.
two-factor-sign-in-title = Кіру коды
two-factor-start-over = Кіруді басынан бастау
staff-two-factor = Екі факторлы кіру
staff-two-factor-on = Мектеп өтініштерді оқитын әр есептік жазбадан екінші факторды талап етеді.
staff-two-factor-off = Мектеп екінші факторды талап етпейді: өтініштерді тек құпиясөзбен оқуға болады.
staff-two-factor-require = Өтініштерді оқитын әр есептік жазбадан екінші факторды талап ету
staff-two-factor-save = Сақтау
staff-two-factor-saved = Екі факторлы кіру баптауы сақталды.
audit-detail-two-factor-required = екінші фактор міндетті
audit-detail-two-factor-not-required = екінші фактор міндетті емес
audit-detail-second-factor = екінші фактор коды қате
staff-edit = Өзгерту
staff-edit-who = { $login } есептік жазбасын өзгерту
staff-account-title = Есептік жазба
staff-back = ← Барлық есептік жазбалар
staff-positions-note = Өтініштерді оқитын жаңа лауазым қосылса, есептік жазба директордың немесе директор орынбасарының растауын қайтадан күтеді.
staff-positions-save = Лауазымдарды сақтау
staff-positions-saved = Лауазымдар сақталды. Өтініштерді оқитын жаңа лауазым берілген есептік жазба растауды күтеді.
staff-email-save = Мекенжайды сақтау
staff-email-saved = Электрондық пошта мекенжайы сақталды.
staff-password-title = Бір реттік құпиясөз
staff-password-note = Құпиясөзін ұмытқан қызметкер үшін: жаңа бір реттік құпиясөз бір рет көрсетіледі, оны өзіңіз беріңіз. Есептік жазбаның ашық беттері мен токендері тоқтайды. Өтініштерді оқитын есептік жазбаға оны тек директор немесе директор орынбасары береді.
staff-password-reset-button = Жаңа бір реттік құпиясөз беру
staff-password-reset = Жаңа бір реттік құпиясөз — оны өзіңіз беріңіз, ол тек қазір көрсетіледі:
staff-waits-own-password = Қызметкер өз құпиясөзін таңдағанын күтеді
error-own-password-first = Қызметкер өз құпиясөзін әлі таңдаған жоқ. Ол жүйеге кіріп, құпиясөзін ауыстырған соң растаңыз.
error-last-head = Мектеп расталған директорсыз және директор орынбасарынсыз қалар еді, сонда өтініштерді оқитындарды растайтын ешкім болмайды. Алдымен басқа басшыны растаңыз.
directory-email-history = Электрондық пошта мекенжайының өзгерістері
directory-email-note = Жаңа электрондық пошта мекенжайы кімнің және қашан өзгерткенімен бірге жазбаның тарихында сақталады; кезекте тұрған хаттар өздері жазылған мекенжайға кетеді.
delivery-to = Хат мекенжайы:
audit-detail-forwardings = жіберілген органдары
audit-detail-positions = лауазымдары
audit-detail-positions-confirm-again = лауазымдары; растауды қайта күтеді
audit-detail-one-time-password = жаңа бір реттік құпиясөз
audit-detail-email = электрондық пошта мекенжайы
audit-detail-directory-email = ұйымдар тізіміндегі электрондық пошта мекенжайы
error-reset-by-heads = Өтініштерді оқитын есептік жазбаға жаңа бір реттік құпиясөзді тек директор немесе директор орынбасары береді: құпиясөзді көрген адам оны аша алар еді.
staff-confirm-note = Есептік жазбаны қызметкердің өзі жүйеге кіріп, өз құпиясөзін таңдағанын айтқан соң ғана растаңыз: есептік жазбаны ашқан адам оның бір реттік құпиясөзін көрген.
