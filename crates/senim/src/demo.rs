//! `serve --demo`: the seed's school with one account per role, the seed's own 2023–2024
//! paperwork, and a few dozen realistic appeals of the last three months before the day it is
//! made — so this month's analysis has figures, something is due this week, something is
//! overdue, forwardings stand in column д, and the Trust Phone has a call log. Made once; the sign-ins are kept in
//! DATA/demo-credentials.txt (0600) and printed at every start.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use senim_app::App;
use senim_domain::audit::AuditAction;
use senim_domain::phone::Call;
use senim_domain::time::from_local;
use senim_domain::{
    AppealContent, Applicant, Category, Channel, Correction, Outcome, Position, Positions, Slug, Topic,
};
use senim_store::{NewUser, StoreError};

pub const DEMO_SLUG: &str = "demo";
pub const NAME_KK: &str = "«Бөгенбай батыр атындағы облыстық олимпиадалық резервтің мамандырылған мектеп интернат колледжі» коммуналдық мемлекеттік мекемесі";
pub const NAME_RU: &str =
    "КГУ «Специализированная школа-интернат колледж олимпийского резерва имени Богенбай батыра»";

const STAFF: [(&str, &str, &[Position]); 6] = [
    ("specialist", "Нурашева А.", &[Position::ResponsibleSpecialist]),
    ("psychologist", "Шалабаева А.", &[Position::Psychologist]),
    ("social", "Мухтарова Д.", &[Position::SocialPedagogue]),
    ("deputy", "Сунгубаева Н.", &[Position::DeputyDirector]),
    ("director", "Жапаров Е.Б.", &[Position::Director]),
    ("admin", "Жүйе әкімшісі", &[Position::Administrator]),
];

/// An appeal of the demo: its day (1 to [`LAST_DAY`], spread over the last three months by
/// [`moment`]), local time, and contents.
struct DemoAppeal {
    day: i64,
    hour: u32,
    minute: u32,
    channel: Channel,
    applicant: Option<(&'static str, &'static str, &'static str)>,
    summary: &'static str,
    category: Category,
    outcome: Option<&'static str>,
}

const fn appeal(
    (day, hour, minute): (i64, u32, u32),
    channel: Channel,
    applicant: Option<(&'static str, &'static str, &'static str)>,
    summary: &'static str,
    category: Category,
    outcome: Option<&'static str>,
) -> DemoAppeal {
    DemoAppeal {
        day,
        hour,
        minute,
        channel,
        applicant,
        summary,
        category,
        outcome,
    }
}

use Category as C;
use Channel as Ch;

const APPEALS: &[DemoAppeal] = &[
    appeal(
        (1, 10, 5),
        Ch::Phone,
        Some((
            "Серікова Айгүл Маратқызы",
            "Ақтөбе қ., Әбілқайыр хан д-лы, 12-34",
            "+7 701 555 12 34",
        )),
        "Анасы: 8-сынып оқушысы ұлы жатақханада ересек оқушылардың қысым көрсететінін айтады.",
        C::of(Topic::PeerRelationships),
        Some(
            "Сынып жетекшісімен және жатақхана тәрбиешісімен әңгіме жүргізілді, оқушылармен профилактикалық кездесу өтті.",
        ),
    ),
    appeal(
        (2, 9, 40),
        Ch::BoxLetter,
        None,
        "Хат: асханадағы тамақ кейде суық, порция аз деп жазылған.",
        C::of(Topic::AccessToServices),
        Some("Асхана меңгерушісіне ескерту жасалды, ас мәзірі тексерілді."),
    ),
    appeal(
        (2, 9, 45),
        Ch::BoxLetter,
        None,
        "Хат: жаттықтырушы жарыс алдында үнемі айқайлайды, қорқамын.",
        C::of(Topic::Violence),
        Some("Психолог жаттықтырушымен және оқушылар тобымен кездесті; жағдай бақылауда."),
    ),
    appeal(
        (3, 14, 20),
        Ch::Phone,
        None,
        "Аноним: оқушы досының түнде жылайтынын, үйін сағынатынын айтты.",
        C::of(Topic::MentalHealth),
        Some("Педагог-психолог оқушымен жеке кеңес өткізді, ата-анасымен байланыс орнатылды."),
    ),
    appeal(
        (4, 11, 0),
        Ch::InPerson,
        Some(("Омаров Дәурен", "", "+7 705 210 44 19")),
        "10-сынып оқушысы: математикадан үлгерімі төмендегенін, көмек керек екенін айтты.",
        C::of(Topic::EducationAndOccupation),
        Some("Қосымша сабақ кестесі берілді."),
    ),
    appeal(
        (7, 19, 35),
        Ch::Voicemail,
        None,
        "Дауыстық хабарлама: ата-ана демалыс күндері баласын үйге жіберу тәртібін сұрайды.",
        C::of(Topic::NonCounselling),
        Some("Ата-анаға қоңырау шалып, тәртіп түсіндірілді."),
    ),
    appeal(
        (8, 10, 15),
        Ch::Phone,
        Some((
            "Иванова Светлана Петровна",
            "г. Актобе, ул. Маресьева, 5",
            "+7 777 300 11 22",
        )),
        "Мать ученицы 9 класса: дочь жалуется на насмешки одноклассниц в соцсетях.",
        C::of(Topic::PeerRelationships),
        Some(
            "Проведена беседа с классом о кибербуллинге, родители обидчиц приглашены к социальному педагогу.",
        ),
    ),
    appeal(
        (9, 9, 30),
        Ch::BoxLetter,
        None,
        "Письмо: просят открыть спортзал по вечерам для самостоятельных тренировок.",
        C::of(Topic::AccessToServices),
        None,
    ),
    appeal(
        (10, 16, 5),
        Ch::Email,
        Some(("Қасымов Ерлан", "", "+7 702 118 90 07")),
        "Әкесі: баласының денсаулығына байланысты жаттығу жүктемесін азайтуды сұрайды.",
        C::of(Topic::PhysicalHealth),
        Some("Медбике мен жаттықтырушы жүктемені дәрігер анықтамасы бойынша өзгертті."),
    ),
    appeal(
        (11, 13, 50),
        Ch::Phone,
        None,
        "Аноним: жатақханада бір оқушының ақшасын үлкендер тартып алады.",
        C::of(Topic::Violence),
        None,
    ),
    appeal(
        (15, 10, 10),
        Ch::InPerson,
        Some(("Нұрланқызы Әйгерім", "", "")),
        "11-сынып оқушысы: емтихан алдында ұйқысыз, мазасыз жүргенін айтты.",
        C::of(Topic::MentalHealth),
        Some("Психологпен үш кеңес белгіленді."),
    ),
    appeal(
        (17, 18, 55),
        Ch::Voicemail,
        None,
        "Дауыстық хабарлама: ата-ана жатақхана тәрбиешісінің телефон нөмірін сұрайды.",
        C::of(Topic::NonCounselling),
        Some("Нөмір хабарланды."),
    ),
    appeal(
        (18, 9, 20),
        Ch::BoxLetter,
        None,
        "Хат: сыныпта бір оқушыны ешкім сөйлестірмейді, оған жаны ашитынын жазған.",
        C::of(Topic::PeerRelationships),
        None,
    ),
    appeal(
        (22, 12, 30),
        Ch::Phone,
        Some(("Бекова Гүлнар", "Ақтөбе қ.", "+7 708 404 40 40")),
        "Әжесі: немересі демалыстан кейін мектепке қайтқысы келмейді.",
        C::of(Topic::FamilyRelationships),
        None,
    ),
    appeal(
        (29, 10, 45),
        Ch::Email,
        None,
        "Аноним хат: жатақханада кешкі уақытта темекі шегетін оқушылар бар.",
        C::of(Topic::MentalHealth),
        Some("Тәрбиешілердің кешкі кезекшілігі күшейтілді, оқушылармен профилактикалық әңгіме өтті."),
    ),
    appeal(
        (36, 11, 10),
        Ch::Voicemail,
        None,
        "Дауыстық хабарлама (демалыс күндері қалдырылған): оқушы каникулдан кейін жатақханаға оралғысы келмейтінін айтты.",
        C::of(Topic::FamilyRelationships),
        None,
    ),
    appeal(
        (40, 9, 15),
        Ch::BoxLetter,
        None,
        "Хат: киім ауыстыратын бөлмеде ұрлық болады.",
        C::of(Topic::Violence),
        Some("Бөлмеге шкафтар мен құлыптар орнатылды."),
    ),
    appeal(
        (40, 9, 20),
        Ch::BoxLetter,
        None,
        "Хат: кітапханада қазақ тіліндегі жаңа кітаптар аз.",
        C::of(Topic::EducationAndOccupation),
        None,
    ),
    appeal(
        (41, 15, 30),
        Ch::Phone,
        Some(("Ахметов Самат", "Ақтөбе облысы, Хромтау қ.", "+7 701 999 00 11")),
        "Әкесі: баласы жаттықтырушысымен қарым-қатынасы нашарлағанын айтады.",
        C::of(Topic::EducationAndOccupation),
        None,
    ),
    appeal(
        (43, 10, 0),
        Ch::InPerson,
        Some(("Петров Артём", "", "+7 747 123 45 67")),
        "Ученик 8 класса: просит помочь с переводом в другую комнату общежития.",
        C::of(Topic::PeerRelationships),
        Some("Переселён по согласованию с воспитателем."),
    ),
    appeal(
        (44, 17, 40),
        Ch::Phone,
        None,
        "Аноним: сыныптасы соңғы кезде ешкіммен сөйлеспей, тамақ ішпей жүр.",
        C::of(Topic::MentalHealth),
        None,
    ),
    appeal(
        (48, 9, 5),
        Ch::Email,
        Some(("Жұмабаева Динара", "", "+7 700 700 70 70")),
        "Анасы: қызының телефонына бейтаныс адамдар жазады.",
        C::of(Topic::Violence),
        None,
    ),
    appeal(
        (49, 9, 10),
        Ch::BoxLetter,
        None,
        "Хат: кейде өмір сүргім келмейді, ешкімге керек емес сияқтымын.",
        C::of(Topic::MentalHealth),
        None,
    ),
    appeal(
        (50, 12, 25),
        Ch::BoxLetter,
        None,
        "Письмо: благодарят психолога за тренинг перед соревнованиями.",
        C::of(Topic::NonCounselling),
        Some("Принято к сведению."),
    ),
    appeal(
        (53, 14, 0),
        Ch::Phone,
        Some(("Сағынтаев Нұрлан", "", "+7 705 505 05 05")),
        "Ағасы: інісінің оқудан шығып кету ниеті бар екенін айтады.",
        C::of(Topic::EducationAndOccupation),
        None,
    ),
];

/// The table's last day: today.
const LAST_DAY: i64 = 53;
/// How many days before today the table's first day is.
const SPAN_DAYS: i64 = 88;

/// A day of the table at a local time, as a moment of the last three months before `now`:
/// day [`LAST_DAY`] is today, day 1 is [`SPAN_DAYS`] days ago. Never later than half an hour
/// before `now`, so everything the demo records has already happened.
fn moment(now: DateTime<Utc>, day: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let today = senim_domain::time::local_date(now);
    let date = today - Duration::days((LAST_DAY - day) * SPAN_DAYS / (LAST_DAY - 1));
    let at = from_local(date.and_hms_opt(hour, minute, 0).expect("valid demo time"))
        .expect("Almaty has this time");
    at.min(now - Duration::minutes(30))
}

/// Appeals the demo forwards to an organisation of the directory (by their day in the table),
/// and whether its answer came back: one still awaited long past its deadline.
const FORWARDED: [(i64, Option<&str>); 5] = [
    (9, Some("Ауыл әкімдігі: аялдамаға жарық орнатылды.")),
    (
        11,
        Some("Ювеналдық полиция: профилактикалық әңгіме жүргізілді, ата-анасы ескертілді."),
    ),
    (
        18,
        Some("Қорғаншылық және қамқоршылық органы: отбасы тексерілді, көмек көрсетілді."),
    ),
    (22, None),
    (36, Some("Отбасы орталығы: отбасымен психолог жұмыс істеуде.")),
];

/// Calls to the Trust Phone that were not appeals (their day in the table, the time, the
/// length in seconds and the kind).
const NOT_APPEALS: [(i64, u32, u32, i64, &str); 9] = [
    (4, 10, 5, 18, "silent"),
    (8, 16, 40, 6, "hang_up"),
    (13, 11, 20, 45, "prank"),
    (19, 9, 15, 20, "wrong_number"),
    (27, 15, 10, 150, "questions"),
    (33, 12, 0, 25, "silent"),
    (41, 17, 55, 8, "hang_up"),
    (48, 10, 30, 90, "questions"),
    (52, 14, 45, 30, "prank"),
];

/// Creates the demo once and prints its sign-ins.
pub async fn ensure(app: &App, data_dir: &Path) -> anyhow::Result<()> {
    let store = &app.store;
    let credentials_path = data_dir.join("demo-credentials.txt");
    match store.organisation_by_slug(DEMO_SLUG).await {
        Ok(_) => {}
        Err(StoreError::NotFound) => create(app, &credentials_path).await?,
        Err(error) => return Err(error.into()),
    }
    match fs::read_to_string(&credentials_path) {
        Ok(credentials) => {
            println!("Demo school «{DEMO_SLUG}». Sign in with (login password):");
            print!("{credentials}");
        }
        Err(_) => println!(
            "Demo school «{DEMO_SLUG}» exists; its sign-ins file is gone from {}",
            data_dir.display()
        ),
    }
    Ok(())
}

async fn create(app: &App, credentials_path: &Path) -> anyhow::Result<()> {
    let store = &app.store;
    let now = app.now();
    let slug = Slug::parse(DEMO_SLUG).expect("a valid slug");
    let school = store.create_organisation(&slug, NAME_KK, NAME_RU, now).await?;
    // The demo signs in with passwords only, so anyone can try it; the staff page says that a
    // real school requires a second factor of its readers.
    let audit = app
        .holder_event(school.id, AuditAction::SettingsChanged)
        .with_detail("two_factor_not_required");
    store.set_require_two_factor(school.id, false, &audit).await?;
    let mut credentials = String::new();
    let mut specialist = None;
    let mut commission = Vec::new();
    for (login, full_name, positions) in STAFF {
        let password = senim_store::one_time_password();
        let user = store
            .create_user(
                NewUser {
                    organisation_id: school.id,
                    login,
                    full_name,
                    positions: Positions::new(positions.to_vec()).expect("valid demo positions"),
                    password: &password,
                    locale: "kk",
                    must_change_password: false,
                    email: "",
                    // Whoever holds the server makes these accounts.
                    confirmed: true,
                },
                now,
                app.holder_event(school.id, AuditAction::AccountCreated)
                    .with_detail("confirmed"),
            )
            .await?;
        credentials.push_str(&format!("  {login:<13} {password}\n"));
        if login == "specialist" {
            specialist = Some(user.id);
        }
        if ["deputy", "psychologist", "social"].contains(&login) {
            commission.push(user.id);
        }
    }
    let specialist = specialist.expect("the demo has a specialist");
    let specialist_user = store.user(specialist).await?;
    let today = senim_domain::time::local_date(now);
    let directory = store.directory(school.id).await?;
    let mut corrected = false;
    let mut openings: Vec<(i64, senim_store::OpeningId)> = Vec::new();
    // The seed's own acts: the box opened and found empty on 27.10.2023 (signed by the deputy
    // director, the psychologist and the social pedagogue) and on 16.01.2024.
    for (date, members) in [
        ((2023, 10, 27), commission.clone()),
        (
            (2024, 1, 16),
            commission.iter().copied().step_by(2).collect::<Vec<_>>(),
        ),
    ] {
        let (year, month, day) = date;
        let opened_at = from_local(
            NaiveDate::from_ymd_opt(year, month, day)
                .and_then(|date| date.and_hms_opt(10, 0, 0))
                .expect("a valid seed date"),
        )
        .expect("Almaty has this time");
        app.record_opening(
            school.id,
            specialist,
            &senim_store::NewOpening {
                opened_at,
                letters: 0,
                members,
            },
            opened_at + Duration::minutes(10),
        )
        .await
        .map_err(|error| anyhow::anyhow!("demo opening: {error}"))?;
    }
    // The seed's minutes No. 1 of 11.11.2023: the deputy director chairs, the social pedagogue
    // keeps the minutes, the psychologist reports the empty box; twice a month from now on.
    {
        use senim_domain::minutes::{AgendaItem, Heard, MinutesDraft};
        let [psychologist, social, deputy] = commission[..] else {
            anyhow::bail!("the demo commission has three members");
        };
        let draft = MinutesDraft {
            held_on: NaiveDate::from_ymd_opt(2023, 11, 11).expect("a valid seed date"),
            attendees: vec![deputy, psychologist, social],
            items: vec![AgendaItem {
                topic: senim_domain::Redacted("Сенім жәшігіне түскен хаттарды талқылау.".into()),
                heard: vec![Heard {
                    speaker: psychologist,
                    said: senim_domain::Redacted(
                        "Қараша айының 11-ші жұлдызы күні сенім жәшігін ашқанын, жәшікке еш қандай хат түспегенін айтты."
                            .into(),
                    ),
                }],
                resolved: senim_domain::Redacted(
                    "Сенім жәшігі айына екі рет ашылып, хаттар бойынша жұмыстар атқарылсын.".into(),
                ),
            }],
            chair: deputy,
            secretary: social,
        }
        .checked(senim_domain::time::local_date(now))?;
        app.record_minutes(school.id, specialist, &draft, now)
            .await
            .map_err(|error| anyhow::anyhow!("demo minutes: {error}"))?;
    }
    // The seed's activity plan for 2023–2024 (seven items, the first two in September), and
    // the same plan for the academic year of the demo's appeals; September's two items marked
    // done by the psychologist, the rest shown done or missed from the record.
    {
        use senim_domain::plan::{AcademicYear, default_plan};
        let psychologist = commission[0];
        let demo_year = AcademicYear::of(today);
        let mut years = vec![AcademicYear(2023)];
        if demo_year != AcademicYear(2023) {
            years.push(demo_year);
        }
        for year in years {
            app.create_plan(school.id, psychologist, year, &default_plan(), now)
                .await
                .map_err(|error| anyhow::anyhow!("demo plan: {error}"))?;
            let items = store.plan(school.id, year).await?;
            for (item, note) in items.iter().take(2).zip([
                "«Сенім жәшігі» орнатылды, комиссия құрамы мен жауаптылар белгіленді.",
                "«Сенім телефоны» мен «Сенім жәшігі» бойынша бұйрық шығарылды.",
            ]) {
                app.mark_plan_period(school.id, psychologist, item.id, year.first_day(), note, now)
                    .await
                    .map_err(|error| anyhow::anyhow!("demo plan mark: {error}"))?;
            }
        }
    }
    // Openings that found the box empty — a complete, normal act (as on 27.10.2023).
    for day in [23, 45] {
        let opening = senim_store::NewOpening {
            opened_at: moment(now, day, 9, 30),
            letters: 0,
            members: commission.clone(),
        };
        app.record_opening(school.id, specialist, &opening, moment(now, day, 9, 40))
            .await
            .map_err(|error| anyhow::anyhow!("demo opening: {error}"))?;
    }
    for demo in APPEALS {
        let received_at = moment(now, demo.day, demo.hour, demo.minute);
        // Registered within the working hour after it arrived.
        let registered_at = received_at + Duration::minutes(20);
        let applicant = demo
            .applicant
            .map(|(name, address, phone)| Applicant::new(name, address, phone));
        let content = AppealContent::new(
            demo.channel,
            received_at,
            applicant.is_none(),
            applicant.unwrap_or_default(),
            demo.summary,
            demo.category,
            registered_at,
        )?;
        let appeal = if demo.channel == Channel::BoxLetter {
            // Letters come from the commission's opening of the box that morning: the first
            // letter of the day opens it, with as many letters as the day has.
            let opening = match openings.iter().find(|(day, _)| *day == demo.day) {
                Some((_, opening)) => *opening,
                None => {
                    let letters = APPEALS
                        .iter()
                        .filter(|other| other.channel == Channel::BoxLetter && other.day == demo.day)
                        .count();
                    let opening = senim_store::NewOpening {
                        opened_at: received_at,
                        letters: u32::try_from(letters)?,
                        members: commission.clone(),
                    };
                    let id = app
                        .record_opening(school.id, specialist, &opening, registered_at)
                        .await
                        .map_err(|error| anyhow::anyhow!("demo opening: {error}"))?;
                    openings.push((demo.day, id));
                    id
                }
            };
            let opened_at = store.opening(school.id, opening).await?.opened_at;
            let content = AppealContent::new(
                demo.channel,
                opened_at,
                content.anonymous(),
                content.applicant().clone(),
                content.summary(),
                content.category(),
                registered_at,
            )?;
            app.register_letter(school.id, opening, content, None, specialist, registered_at)
                .await
                .map_err(|error| anyhow::anyhow!("demo letter: {error}"))?
        } else {
            app.register_appeal(school.id, specialist, content, registered_at)
                .await?
        };
        // A call to the Trust Phone is in the call log with the appeal it became.
        if demo.channel == Channel::Phone {
            let kind = if appeal.content.anonymous() {
                "child_about_self"
            } else {
                "about_a_child"
            };
            let length = 240 + 60 * (demo.day % 7);
            let call = Call::new(received_at, length, kind, Some(appeal.id), now)?;
            app.record_call(&specialist_user, &call)
                .await
                .map_err(|error| anyhow::anyhow!("demo call: {error}"))?;
        }
        if let Some(text) = demo.outcome {
            let at = (registered_at + Duration::days(5)).min(now - Duration::minutes(5));
            let outcome = Outcome::new(appeal.id, text, at, specialist)?;
            app.record_outcome(school.id, outcome).await?;
        }
        if let Some((_, answer)) = FORWARDED.iter().find(|(day, _)| *day == demo.day) {
            forward(app, school.id, specialist, &directory, &appeal, *answer, now).await?;
        }
        // A mistake corrected as the regulation wants: a new entry that refers to the old one.
        let first_in_person = demo.channel == Channel::InPerson && !corrected;
        if first_in_person {
            corrected = true;
            let at = (appeal.registered_at + Duration::hours(2)).min(now - Duration::minutes(2));
            let content = AppealContent::new(
                Channel::Phone,
                appeal.content.received_at(),
                appeal.content.anonymous(),
                appeal.content.applicant().clone(),
                appeal.content.summary(),
                appeal.content.category(),
                at,
            )?;
            let correction = Correction::new(
                appeal.id,
                "Түскен арнасы қате көрсетілген: өтініш телефон арқылы түскен.",
            )?;
            app.register_correction(school.id, specialist, content, correction, at)
                .await?;
        }
    }
    // Calls that were not appeals: silent, hung up, a prank, a wrong number, a question.
    for (day, hour, minute, seconds, kind) in NOT_APPEALS {
        let call = Call::new(moment(now, day, hour, minute), seconds, kind, None, now)?;
        app.record_call(&specialist_user, &call)
            .await
            .map_err(|error| anyhow::anyhow!("demo call: {error}"))?;
    }
    waiting(app, &school, &specialist_user, now).await?;
    write_private(credentials_path, &credentials)
        .with_context(|| format!("cannot write {}", credentials_path.display()))?;
    tracing::info!(appeals = APPEALS.len(), "demo school created");
    Ok(())
}

/// Voicemails left out of hours (hours before now, the language, what the caller says, the
/// caller's number if shown), spoken by espeak-ng when it is installed.
const VOICEMAILS: [(i64, &str, &str, Option<&str>); 2] = [
    (
        15,
        "ru",
        "Здравствуйте. Это мама ученика седьмого класса. Моего сына по дороге домой обижают старшеклассники. Перезвоните мне, пожалуйста.",
        Some("+7 701 555 01 23"),
    ),
    (
        38,
        "kk",
        "Сәлеметсіз бе. Мен сегізінші сыныпта оқимын. Атымды айтқым келмейді. Сыныпта бір бала мені үнемі мазақтайды.",
        None,
    ),
];

/// Letters to the online box waiting to be registered (hours before now, the text, a name
/// and a contact the child chose to give).
const LETTERS: [(i64, &str, &str, &str); 2] = [
    (
        3,
        "Сәлеметсіз бе. Мен 6-сыныпта оқимын. Үзілісте үлкен балалар ақшамды тартып алады, ата-анама айтуға қорқамын.",
        "",
        "",
    ),
    (
        20,
        "Здравствуйте, я из 9 «Б». Можно прийти к психологу поговорить про экзамены? Очень переживаю и плохо сплю.",
        "Дана",
        "dana.9b@mail.kz",
    ),
];

/// What waits in the inbox: two voicemails (spoken by espeak-ng, or silence of the same
/// length when it is not installed) and two online letters.
async fn waiting(
    app: &App,
    school: &senim_domain::Organisation,
    specialist: &senim_store::User,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    for (index, (hours, lang, words, number)) in VOICEMAILS.into_iter().enumerate() {
        let audio = match senim_app::phone::speak(words, lang).await {
            Ok(audio) => audio,
            Err(error) => {
                tracing::warn!(%error, "the demo's voicemails are silent: install espeak-ng to hear them");
                senim_domain::greeting::silence_wav(6)
            }
        };
        let seconds = senim_domain::inbox::wav_millis(&audio)
            .map_err(|error| anyhow::anyhow!("demo voicemail: {error:?}"))?
            .div_ceil(1000)
            + 4;
        let voicemail = senim_domain::inbox::Voicemail::new(
            &format!("demo-voicemail-{index}"),
            now - Duration::hours(hours),
            i64::try_from(seconds)?,
            "out_of_hours",
            number,
            now,
        )
        .map_err(|error| anyhow::anyhow!("demo voicemail: {error:?}"))?;
        app.receive_voicemail(specialist, &voicemail, &audio)
            .await
            .map_err(|error| anyhow::anyhow!("demo voicemail: {error}"))?;
    }
    for (hours, text, name, contact) in LETTERS {
        let submission = senim_domain::trust_box::Submission::new(text, name, contact);
        app.submit_to_box(school.id, &submission, now - Duration::hours(hours))
            .await?;
    }
    Ok(())
}

/// Forwards a demo appeal by telephonogram an hour after it was registered, to the directory's
/// organisation that suits it, and records the answer ten days later when one came.
async fn forward(
    app: &App,
    school: senim_domain::OrganisationId,
    specialist: senim_domain::UserId,
    directory: &[senim_domain::forwarding::ExecutingOrganisation],
    appeal: &senim_domain::Appeal,
    answer: Option<&str>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let entry = directory
        .get(usize::try_from(appeal.number.0).unwrap_or(0) % directory.len().max(1))
        .context("the demo school's directory is empty")?;
    let request = senim_domain::forwarding::ForwardingRequest {
        executing_organisation: Some(entry.id.0),
        channel: senim_domain::forwarding::ForwardingChannel::Telephonogram.code(),
        rule: senim_domain::deadline::DeadlineRule::Consideration,
        due_on: None,
        reason: "",
    };
    let sent_at = (appeal.registered_at + Duration::hours(1)).min(now - Duration::minutes(4));
    let id = app
        .forward(
            school,
            specialist,
            appeal.id,
            &request,
            Default::default(),
            sent_at,
        )
        .await
        .map_err(|error| anyhow::anyhow!("demo forwarding: {error}"))?;
    if let Some(answer) = answer {
        let answered_on = (senim_domain::time::local_date(sent_at) + Duration::days(10))
            .min(senim_domain::time::local_date(now));
        let at = (sent_at + Duration::days(10)).min(now - Duration::minutes(3));
        app.record_answer(school, specialist, id, answer, Some(answered_on), at)
            .await
            .map_err(|error| anyhow::anyhow!("demo answer: {error}"))?;
    }
    Ok(())
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(text.as_bytes())
}
