# Сенім — өтініштердің санаттары мен статистикалық өрістері (Child Helpline International деректер құрылымы бойынша).
# Жоғарғы деңгейдегі санаттардың атаулары main.ftl файлында.

## Кіші санаттар: жоғалған балалар
category-missing-children--child-abduction = Баланы ұрлау
category-missing-children--lost-or-missing = Адасқан, хабарсыз кеткен немесе өзге жағдайда жоғалған бала
category-missing-children--runaway = Үйден (мекемеден) өз бетімен кетіп қалу
category-missing-children--other = Басқа / көрсетілмеген

## Кіші санаттар: зорлық-зомбылық
category-violence--bullying = Буллинг (қорлау, қудалау)
category-violence--child-marriage = Кәмелетке толмағандардың некесі, ерте немесе мәжбүрлі неке
category-violence--child-labour = Балалар еңбегін пайдалану
category-violence--commercial-sexual-exploitation = Коммерциялық жыныстық қанау (интернеттен тыс)
category-violence--fgm = Әйел жыныс мүшелерін кесу (ӘЖМК)
category-violence--gender-based-harmful-practices = Жынысқа байланысты зиянды дәстүрлі әдет-ғұрыптар (ӘЖМК-дан басқа)
category-violence--other-harmful-practices = Өзге зиянды дәстүрлі әдет-ғұрыптар (ерте неке мен ӘЖМК-дан басқа)
category-violence--neglect = Баланың қажеттіліктерін елемеу (немқұрайлы қарау)
category-violence--online-sexual-abuse = Интернетте балаға жыныстық зорлық-зомбылық көрсету және қанау
category-violence--physical-violence = Физикалық зорлық-зомбылық
category-violence--psychological-violence = Психологиялық (эмоционалдық) зорлық-зомбылық
category-violence--sexual-violence = Жыныстық зорлық-зомбылық
category-violence--other = Басқа / көрсетілмеген

## Кіші санаттар: психикалық денсаулық
category-mental-health--substance-use = Тәуелді мінез-құлық және психобелсенді заттарды қолдану
category-mental-health--behavioural-problems = Мінез-құлық мәселелері
category-mental-health--concerns-about-self = Өзіне қатысты уайым (өзін-өзі бағалау, өзін қабылдау)
category-mental-health--anger = Эмоционалдық күйзеліс – ашу-ызаға байланысты мәселелер
category-mental-health--fear-and-anxiety = Эмоционалдық күйзеліс – қорқыныш пен мазасыздық
category-mental-health--mood = Эмоционалдық күйзеліс – көңіл-күйге байланысты мәселелер
category-mental-health--neurodevelopmental = Жүйке жүйесінің дамуына байланысты мәселелер
category-mental-health--eating = Тамақтану мінез-құлқының бұзылуы
category-mental-health--self-harm = Өзіне-өзі зиян келтіру
category-mental-health--suicidal = Суицидтік ойлар мен суицидтік әрекеттер
category-mental-health--traumatic-distress = Психологиялық жарақаттан кейінгі күйзеліс
category-mental-health--other = Басқа / көрсетілмеген

## Кіші санаттар: дене саулығы
category-physical-health--general-medical = Жалпы медициналық мәселелер
category-physical-health--hiv-aids = АИТВ/ЖИТС: медициналық ақпарат және өмір салты
category-physical-health--nutrition = Тамақтану
category-physical-health--pregnancy = Жүктілік және ана денсаулығын сақтау
category-physical-health--sexual-reproductive-health = Жыныстық және репродуктивтік денсаулық
category-physical-health--other = Басқа / көрсетілмеген

## Кіші санаттар: қызметтерге қол жеткізу
category-access-to-services--education = Білім алу
category-access-to-services--essential-needs = Негізгі қажеттіліктер (баспана, тамақ, киім)
category-access-to-services--healthcare-services = Жалпы медициналық көмек
category-access-to-services--legal-services = Заң көмегі және кеңес
category-access-to-services--mental-health-services = Психикалық денсаулықты сақтау қызметтері
category-access-to-services--sexual-health-services = Жыныстық денсаулықты сақтау қызметтері
category-access-to-services--socio-economic-services = Әлеуметтік-экономикалық қызметтер (әлеуметтік көмек)
category-access-to-services--other = Басқа / көрсетілмеген

## Кіші санаттар: кемсітушілік және шеттету
category-discrimination-and-exclusion--ethnicity = Ұлты немесе этникалық тегі
category-discrimination-and-exclusion--financial-situation = Материалдық жағдайы
category-discrimination-and-exclusion--gender = Жынысы
category-discrimination-and-exclusion--gender-identity-orientation = Гендерлік сәйкестігі немесе оны білдіруі және жыныстық бағдары
category-discrimination-and-exclusion--health = Денсаулық жағдайы
category-discrimination-and-exclusion--beliefs = Дүниетанымдық немесе діни сенімдері
category-discrimination-and-exclusion--other = Басқа / көрсетілмеген

## Кіші санаттар: отбасылық қарым-қатынас
category-family-relationships--adoption-fostering = Бала асырап алу, патронаттық тәрбие, туыстарының қамқоршылығы
category-family-relationships--family-health = Отбасы мүшелерінің денсаулығы мен әл-ауқаты
category-family-relationships--general-family = Жалпы отбасылық мәселелер
category-family-relationships--caregiver = Ата-анамен (заңды өкілдермен) қарым-қатынас
category-family-relationships--siblings = Бауырларымен (аға-әпке, іні-сіңлі) қарым-қатынас
category-family-relationships--other = Басқа / көрсетілмеген

## Кіші санаттар: құрдастармен қарым-қатынас
category-peer-relationships--classmates = Сыныптастарымен қарым-қатынас
category-peer-relationships--friends = Достар және достық
category-peer-relationships--partner = Жігіт пен қыздың арасындағы қарым-қатынас
category-peer-relationships--other = Басқа / көрсетілмеген

## Кіші санаттар: оқу және еңбек
category-education-and-occupation--academic = Оқудағы қиындықтар (үлгерім)
category-education-and-occupation--work = Жұмыстағы мәселелер
category-education-and-occupation--teacher-and-school = Мұғалімге және мектепке қатысты мәселелер
category-education-and-occupation--other = Басқа / көрсетілмеген

## Кіші санаттар: жыныстық мәселелер
category-sexuality--sexual-behaviours = Жыныстық мінез-құлық
category-sexuality--orientation-identity = Жыныстық бағдар және гендерлік сәйкестік
category-sexuality--other = Басқа / көрсетілмеген

## Кіші санаттар: кеңес беруге қатысы жоқ өтініш
category-non-counselling--parent-questions = Ата-аналардың сұрақтары
category-non-counselling--trust-line-questions = «Сенім жәшігі» мен «Сенім телефоны» туралы сұрақтар
category-non-counselling--other-services-questions = Басқа қызметтер туралы сұрақтар
category-non-counselling--complaints = «Сенім жәшігі» мен «Сенім телефоны» жұмысына шағымдар
category-non-counselling--thanks = Алғыс
category-non-counselling--other = Басқа / көрсетілмеген

## Хабарласу түрі
contact-type-child-about-self = Бала өзі туралы
contact-type-about-a-child = Басқа адам бала туралы
contact-type-silent = Үнсіз қоңырау
contact-type-hang-up = Үзілген қоңырау
contact-type-prank = Әзіл қоңырау
contact-type-wrong-number = Қате нөмір
contact-type-abusive = Балағат, қорлау сөздері бар хабарласу
contact-type-thanks = Алғыс
contact-type-questions = Сұрақтар
contact-type-emergency = Төтенше жағдай

## Қолданылған шара
intervention-school-counselling = Мектеп тарапынан кеңес беру
intervention-resources = Пайдалы ақпарат көздерін ұсыну
intervention-child-protection = Балалардың құқықтарын қорғау органына жіберу
intervention-healthcare = Денсаулық сақтау ұйымына жіберу
intervention-law-enforcement = Құқық қорғау органдарына жіберу
intervention-mental-health-services = Психикалық денсаулық қызметіне жіберу
intervention-other-organisations = Басқа ұйымдарға жіберу
intervention-school-psychologist = Педагог-психологқа жіберу
intervention-other = Басқа

## Оқиға болған орын
location-home-own = Өз үйі
location-home-other = Басқа адамның үйі
location-school = Білім беру ұйымы
location-institution = Мекеме (мысалы, мектеп-интернат)
location-public-place = Қоғамдық орын
location-online = Интернетте
location-other = Басқа
location-unknown = Белгісіз

## Баланың жынысы
gender-girl = Қыз бала
gender-boy = Ұл бала
gender-unknown = Белгісіз

## Статистикалық өрістер
field-subcategory = Кіші санат
field-contact-type = Хабарласу түрі
field-intervention = Қолданылған шара
field-incident-location = Оқиға болған орын
field-age = Баланың жасы (толық жыл)
field-gender = Баланың жынысы
field-not-recorded = Белгіленбеген
classification-title = Өтініштің статистикалық деректері
classification-hint = Міндетті емес бұл өрістер айлық талдауға және басқа елдердің балалар сенім телефондарымен салыстыруға арналған, оларды кейін өзгертуге болады.
classification-save = Сақтау
classification-saved = Сақталды.
