//! The answering machine's message (seed 4.3): per school in kk and ru, the seed's text by
//! default, spoken by a speech synthesiser and made into the 8 kHz mono WAV a telephone
//! exchange plays. Times are spelt in words first (a synthesiser reads «18:30» digit by
//! digit); the audio is resampled here, in plain Rust.

/// The seed's message (4.3), the default in Kazakh.
pub const DEFAULT_KK: &str = "Саламатсыз ба! Сіз сенім телефонға хабарласып отырсыз. Кешіріңіз, қазір біз сіздерге жауап бере алмаймыз. Өзаты-жөніңізді, мекен-жайыңызды, байланыс телефоныңызды айтып, сұрағыңызды келесі белгіден кейін қалдыруыңызға болады. Сіздің өтінішіңіз сырт қалмайды. Рахмет!";
/// The same message in Russian.
pub const DEFAULT_RU: &str = "Здравствуйте! Вы позвонили на телефон доверия. Извините, сейчас мы не можем вам ответить. Назовите, пожалуйста, свои фамилию, имя, адрес и контактный телефон и оставьте свой вопрос после сигнала. Ваше обращение не останется без внимания. Спасибо!";

/// The longest message a school may set.
pub const MAX_GREETING: usize = 1000;
/// The rate a telephone exchange plays.
pub const TELEPHONE_RATE: u32 = 8000;

/// The languages the message is kept in.
pub const GREETING_LANGUAGES: [&str; 2] = ["kk", "ru"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GreetingError {
    #[error("lang: kk or ru")]
    Language,
    #[error("text: from 1 to {MAX_GREETING} characters")]
    Text,
    #[error("audio: a WAV recording, 16-bit PCM, of half a second to two minutes")]
    Recording,
    #[error("audio: at most two minutes and 24 MiB")]
    RecordingLength,
}

impl GreetingError {
    pub fn field(self) -> &'static str {
        match self {
            GreetingError::Language => "lang",
            GreetingError::Text => "text",
            GreetingError::Recording | GreetingError::RecordingLength => "audio",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            GreetingError::Language => "unknown_language",
            GreetingError::Text => "invalid_text",
            GreetingError::Recording => "not_a_recording",
            GreetingError::RecordingLength => "recording_too_long",
        }
    }

    pub fn message_id(self) -> &'static str {
        match self {
            GreetingError::Language => "error-greeting-language",
            GreetingError::Text => "error-greeting-text",
            GreetingError::Recording => "error-greeting-recording",
            GreetingError::RecordingLength => "error-greeting-recording-length",
        }
    }
}

/// The largest recording a school may upload as its message: two minutes of 48 kHz stereo.
pub const MAX_RECORDING_BYTES: usize = 24 * 1024 * 1024;

/// The longest: the seed's message takes well under a minute to say.
pub const MAX_RECORDING_SECONDS: usize = 120;

/// A recording a school uploads as its message in `lang` (a WAV of 16-bit PCM at 8–48 kHz,
/// mono or stereo), as the 8 kHz mono WAV an exchange plays.
pub fn recorded(lang: &str, bytes: &[u8]) -> Result<Vec<u8>, GreetingError> {
    default_text(lang)?;
    if bytes.len() > MAX_RECORDING_BYTES {
        return Err(GreetingError::RecordingLength);
    }
    let wav = telephone_wav(bytes).ok_or(GreetingError::Recording)?;
    // The header is 44 bytes; each sample two.
    let samples = wav.len().saturating_sub(44) / 2;
    if samples > MAX_RECORDING_SECONDS * TELEPHONE_RATE as usize {
        return Err(GreetingError::RecordingLength);
    }
    if samples < TELEPHONE_RATE as usize / 2 {
        return Err(GreetingError::Recording);
    }
    Ok(wav)
}

/// The default message of a language.
pub fn default_text(lang: &str) -> Result<&'static str, GreetingError> {
    match lang {
        "kk" => Ok(DEFAULT_KK),
        "ru" => Ok(DEFAULT_RU),
        _ => Err(GreetingError::Language),
    }
}

/// A message as a school typed it, checked.
pub fn checked_text(lang: &str, text: &str) -> Result<String, GreetingError> {
    default_text(lang)?;
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_GREETING {
        return Err(GreetingError::Text);
    }
    Ok(text.to_owned())
}

fn number_kk(n: u32) -> String {
    const ONES: [&str; 10] = [
        "нөл",
        "бір",
        "екі",
        "үш",
        "төрт",
        "бес",
        "алты",
        "жеті",
        "сегіз",
        "тоғыз",
    ];
    const TENS: [&str; 6] = ["", "он", "жиырма", "отыз", "қырық", "елу"];
    match (n / 10, n % 10) {
        (0, one) => ONES[one as usize].to_owned(),
        (ten, 0) => TENS[ten as usize].to_owned(),
        (ten, one) => format!("{} {}", TENS[ten as usize], ONES[one as usize]),
    }
}

fn number_ru(n: u32) -> String {
    const SMALL: [&str; 20] = [
        "ноль",
        "один",
        "два",
        "три",
        "четыре",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
        "одиннадцать",
        "двенадцать",
        "тринадцать",
        "четырнадцать",
        "пятнадцать",
        "шестнадцать",
        "семнадцать",
        "восемнадцать",
        "девятнадцать",
    ];
    const TENS: [&str; 6] = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят"];
    match n {
        0..=19 => SMALL[n as usize].to_owned(),
        _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_owned(),
        _ => format!("{} {}", TENS[(n / 10) as usize], SMALL[(n % 10) as usize]),
    }
}

/// The text with every time of day (`9:00`, `18:30`) spelt in words of the language, so that
/// a synthesiser says «он сегіз отыз», not «бір сегіз қос нүкте үш нөл».
pub fn spoken(text: &str, lang: &str) -> String {
    let number = |n: u32| if lang == "ru" { number_ru(n) } else { number_kk(n) };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        // H:MM or HH:MM, not inside a longer number.
        let starts = i == 0 || !chars[i - 1].is_ascii_digit();
        let hour_len = if starts && chars.get(i).is_some_and(char::is_ascii_digit) {
            if chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                2
            } else {
                1
            }
        } else {
            0
        };
        let colon = i + hour_len;
        let is_time = hour_len > 0
            && chars.get(colon) == Some(&':')
            && chars.get(colon + 1).is_some_and(char::is_ascii_digit)
            && chars.get(colon + 2).is_some_and(char::is_ascii_digit)
            && !chars.get(colon + 3).is_some_and(char::is_ascii_digit);
        if is_time {
            let digits = |from: usize, len: usize| -> u32 {
                chars[from..from + len]
                    .iter()
                    .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0))
            };
            let (hour, minute) = (digits(i, hour_len), digits(colon + 1, 2));
            if hour < 24 && minute < 60 {
                out.push_str(&number(hour));
                if minute > 0 {
                    out.push(' ');
                    if minute < 10 {
                        out.push_str(&number(0));
                        out.push(' ');
                    }
                    out.push_str(&number(minute));
                }
                i = colon + 3;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The header of an 8 kHz mono 16-bit WAV of `samples` samples, with room for them.
fn telephone_header(samples: usize) -> Vec<u8> {
    let data = 2 * samples as u32;
    let mut out = Vec::with_capacity(44 + 2 * samples);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&TELEPHONE_RATE.to_le_bytes());
    out.extend_from_slice(&(2 * TELEPHONE_RATE).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data.to_le_bytes());
    out
}

/// `seconds` of silence as an 8 kHz mono WAV.
pub fn silence_wav(seconds: u32) -> Vec<u8> {
    let samples = (TELEPHONE_RATE * seconds) as usize;
    let mut out = telephone_header(samples);
    out.resize(out.len() + 2 * samples, 0);
    out
}

/// A synthesiser's WAV (16-bit PCM, any rate, mono or more channels; a streamed header's
/// length is not trusted) as the 8 kHz, 16-bit mono WAV an exchange plays. `None` when it is
/// not such a WAV.
pub fn telephone_wav(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return None;
    }
    let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let (mut at, mut format) = (12, None);
    let mut samples: Option<&[u8]> = None;
    while at + 8 <= bytes.len() {
        let size = u32_at(at + 4)? as usize;
        let body = at + 8;
        match &bytes[at..at + 4] {
            b"fmt " => {
                format = Some((
                    u16_at(body)?,
                    u16_at(body + 2)?,
                    u32_at(body + 4)?,
                    u16_at(body + 14)?,
                ))
            }
            b"data" => {
                samples = Some(&bytes[body..body + size.min(bytes.len() - body)]);
                break;
            }
            _ => {}
        }
        at = body.checked_add(size + (size & 1))?;
    }
    let (kind, channels, rate, bits) = format?;
    // A synthesiser speaks at 8–48 kHz; a rate outside that is not a voice to resample.
    if kind != 1 || bits != 16 || channels == 0 || !(8000..=48_000).contains(&rate) {
        return None;
    }
    let channels = usize::from(channels);
    // Mono: the channels averaged.
    let mono: Vec<f32> = samples?
        .chunks_exact(2 * channels)
        .map(|frame| {
            frame
                .chunks_exact(2)
                .map(|s| f32::from(i16::from_le_bytes([s[0], s[1]])))
                .sum::<f32>()
                / channels as f32
        })
        .collect();
    // Down to 8 kHz: each output sample averages the input samples of its span (a box
    // filter against aliasing), read between samples when the input is slower.
    let ratio = rate as f64 / f64::from(TELEPHONE_RATE);
    let length = (mono.len() as f64 / ratio) as usize;
    let mut out = telephone_header(length);
    for n in 0..length {
        let from = n as f64 * ratio;
        let to = ((n + 1) as f64 * ratio).min(mono.len() as f64);
        let (first, last) = (
            from as usize,
            (to.ceil() as usize).max(from as usize + 1).min(mono.len()),
        );
        let span = &mono[first..last];
        let value = span.iter().sum::<f32>() / span.len() as f32;
        out.extend_from_slice(&(value.round().clamp(-32768.0, 32767.0) as i16).to_le_bytes());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_spelt_in_words_and_other_digits_left_alone() {
        assert_eq!(
            spoken("9:00-ден 18:30-ға дейін", "kk"),
            "тоғыз-ден он сегіз отыз-ға дейін"
        );
        assert_eq!(
            spoken("с 9:05 до 18:30, тел. 111", "ru"),
            "с девять ноль пять до восемнадцать тридцать, тел. 111"
        );
        assert_eq!(spoken("2026:10 және 25:99", "kk"), "2026:10 және 25:99");
    }

    #[test]
    fn a_message_is_checked() {
        assert_eq!(checked_text("en", "Hello"), Err(GreetingError::Language));
        assert_eq!(checked_text("kk", "  "), Err(GreetingError::Text));
        assert_eq!(
            checked_text("ru", " Здравствуйте! "),
            Ok("Здравствуйте!".to_owned())
        );
        assert!(DEFAULT_KK.contains("Сіздің өтінішіңіз сырт қалмайды"));
    }

    #[test]
    fn a_synthesisers_wav_becomes_an_8_khz_mono_one_of_the_same_length() {
        // One second of a 22 050 Hz stereo tone, its header streamed (a length too large).
        let mut wav = b"RIFF\xff\xff\xff\x7fWAVEfmt \x10\0\0\0\x01\0\x02\0".to_vec();
        wav.extend_from_slice(&22_050u32.to_le_bytes());
        wav.extend_from_slice(&(22_050u32 * 4).to_le_bytes());
        wav.extend_from_slice(&4u16.to_le_bytes());
        wav.extend_from_slice(&16u16.to_le_bytes());
        wav.extend_from_slice(b"data\xff\xff\xff\x7f");
        for n in 0..22_050 {
            let value = ((n as f32 * 440.0 * std::f32::consts::TAU / 22_050.0).sin() * 8000.0) as i16;
            wav.extend_from_slice(&value.to_le_bytes());
            wav.extend_from_slice(&value.to_le_bytes());
        }
        let phone = telephone_wav(&wav).unwrap();
        assert_eq!(crate::inbox::wav_millis(&phone), Ok(1000));
        assert_eq!(&phone[22..24], &1u16.to_le_bytes(), "mono");
        assert_eq!(&phone[24..28], &8000u32.to_le_bytes());
        let loudest = phone[44..]
            .chunks_exact(2)
            .map(|s| i16::from_le_bytes([s[0], s[1]]).abs())
            .max();
        assert!(loudest > Some(6000), "the tone survives: {loudest:?}");
        assert_eq!(telephone_wav(b"not a wav"), None);
    }

    #[test]
    fn an_uploaded_recording_becomes_a_telephone_wav_and_nonsense_is_refused() {
        // Two seconds recorded at 8 kHz.
        let mut wav = telephone_header(2 * 8000);
        wav.resize(wav.len() + 4 * 8000, 1);
        let telephone = recorded("kk", &wav).unwrap();
        assert_eq!(&telephone[0..4], b"RIFF");
        assert_eq!(telephone.len(), 44 + 2 * 2 * 8000);
        assert_eq!(recorded("en", &wav), Err(GreetingError::Language));
        assert_eq!(recorded("ru", b"ID3\x03 an mp3"), Err(GreetingError::Recording));
        assert_eq!(
            recorded("ru", &silence_wav(0)),
            Err(GreetingError::Recording),
            "nothing to hear"
        );
        assert_eq!(
            recorded("ru", &silence_wav(121)),
            Err(GreetingError::RecordingLength)
        );
        assert_eq!(
            recorded("ru", &vec![0; MAX_RECORDING_BYTES + 1]),
            Err(GreetingError::RecordingLength)
        );
    }
}
