# Senim — English interface.

app-name = Senim
app-tagline = Registration journal of the Trust Box and the Trust Phone
skip-to-content = Skip to content

## Navigation
nav-journal = Journal
nav-register = Register an appeal
nav-users = Staff accounts
nav-monitoring = Deadlines
nav-directory = Organisations
nav-password = Password
nav-sign-out = Sign out
nav-language = Language
nav-signed-in-as = Signed in: { $name }

## Sign-in
signin-title = Sign in
signin-login = Login
signin-password = Password
signin-submit = Sign in
signin-failed = Wrong login or password.
signin-held = Too many wrong tries lately, for this login or from this network. Wait 15 minutes, or sign in from the browser you usually use.
signin-busy = Senim is checking many sign-ins right now. Try again in a few seconds.
signin-hint = Senim keeps children's appeals. Sign in only on a computer you trust, and sign out when you leave it.

## Journal
journal-title = Registration journal of appeals
journal-year = Year
journal-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
journal-empty = No appeals were registered in this year yet.
journal-nothing-found = No entry matches the filter.
journal-page = Entries { $from }–{ $to } of { $total }
journal-previous = Newer
journal-next = Older
col-number = No.
col-received = Date and time received
col-applicant = Applicant's full name, address, contact phone
col-summary = Short summary
col-forwarded = Forwarded to / deadline of consideration
col-outcome = Outcome
filter-title = Filter
filter-channel = Channel
filter-any = All
filter-anonymous = Anonymity
filter-only-anonymous = Anonymous only
filter-only-named = Named only
filter-text = Text
filter-apply = Show
filter-reset = Reset
mark-anonymous = anonymous
mark-corrected-by = corrected by No. { $number } ({ $year })
mark-correction-of = correction of No. { $number } ({ $year })
open-appeal = Open appeal No. { $number }

## Registering
register-title = Register an appeal
register-intro = The number is given when you press «Register»: numbering restarts at 1 on 1 January.
field-channel = Channel
field-received-at = Received (date and time, Kazakhstan time)
field-received-at-hint = Defaults to now. Enter an earlier time for a voicemail left over the weekend.
field-anonymous = Anonymous appeal (the applicant's details are not recorded)
field-applicant = Applicant
field-full-name = Full name
field-address = Address
field-phone = Contact phone
field-summary = Short summary
field-category = Category
register-submit = Register
register-done = Appeal registered as No. { $number } of { $year }.
form-has-errors = The form has errors; nothing was registered. Please correct the fields marked below.

## Appeal page
appeal-title = Appeal No. { $number } of { $year }
appeal-channel = Channel
appeal-registered = Registered
appeal-registered-by = Registered by
appeal-category = Category
appeal-anonymous = Anonymous appeal
appeal-back = Back to the journal
appeal-corrected-notice = This entry has been corrected. The correction is the valid record:
appeal-correction-notice = This entry corrects an earlier entry:
appeal-correction-reason = Reason for the correction
history-title = History
history-registered = Registered as No. { $number }
history-outcome = Outcome recorded
history-correction = Corrected by entry No. { $number } ({ $year })
outcome-title = Record the outcome
outcome-text = Outcome of consideration
outcome-submit = Save the outcome
outcome-saved = Outcome saved.
outcome-none = No outcome recorded yet.
correct-link = Correct this entry
correction-title = Correct entry No. { $number } of { $year }
correction-intro = A registered entry is never changed or deleted. The correction becomes a new entry with its own number, refers to this one, and both stay in the journal.
correction-reason = Reason for the correction
correction-submit = Register the correction
correction-done = Correction registered as No. { $number } of { $year }.
forwarding-none = —

## Staff accounts
users-title = Staff accounts
users-add = Add a staff member
users-login = Login
users-full-name = Full name
users-positions = Positions
users-position-first = Position
users-position-second = Second position (if any)
users-position-none = none
users-language = Language
users-email = E-mail (optional)
users-email-hint = The daily digest of due and overdue forwardings goes here: numbers and deadlines only.
users-submit = Create the account
users-created = Account { $login } created. One-time password: { $password } — hand it over in person; it is shown only now.
users-admin-note = The system administrator manages accounts and cannot open appeals. A new account whose position reads appeals opens them only once the director or the deputy director confirms it.

## Password
password-title = Change password
password-current = Current password
password-new = New password
password-repeat = New password again
password-submit = Change password
password-changed = Password changed.
password-must-change = You signed in with a one-time password. Choose your own password before you continue.
password-wrong = The current password is wrong.
password-mismatch = The new passwords differ.
password-too-short = The new password needs at least 12 characters.
password-common = This password is too common or built on your login, so it is easy to guess. Choose another, such as several words.

## Language
language-submit = Switch

## Channels
channel-phone = Trust Phone call
channel-box-letter = Trust Box letter
channel-online-box = Online Trust Box
channel-voicemail = Voicemail
channel-in-person = In person
channel-email = E-mail

## Categories
category-violence = Violence
category-mental-health = Mental health
category-family-relationships = Family relationships
category-peer-relationships = Peer relationships
category-education-and-occupation = Education and occupation
category-physical-health = Physical health
category-access-to-services = Access to services
category-discrimination-and-exclusion = Discrimination and exclusion
category-sexuality = Sexuality
category-missing-children = Missing children
category-non-counselling = Non-counselling contact
category-topic-only = { $topic } (not further specified)
category-unspecified = Not specified

## Positions
position-responsible-specialist = Responsible specialist
position-psychologist = School psychologist
position-social-pedagogue = Social pedagogue
position-deputy-director = Deputy director for educational work
position-director = Director
position-administrator = System administrator

## Errors
error-title = Error
error-applicant-required = An appeal that is not anonymous needs the applicant's full name, address or contact phone.
error-applicant-given-for-anonymous = An anonymous appeal carries no applicant details: clear the name, address and phone, or untick «anonymous».
error-phone-invalid = A phone number has 5 to 20 digits and may contain + ( ) - and spaces.
error-summary-required = Write the short summary.
error-too-long = The text is too long: at most { $limit } characters.
error-received-in-future = The time received cannot be later than now.
error-received-invalid = Enter the date and time received as day, month, year, hours and minutes.
error-unknown-channel = Choose a channel from the list.
error-unknown-category = Choose a category from the list.
error-reason-required = State the reason for the correction.
error-outcome-required = Write the outcome.
error-forbidden = Your position does not give access to this page.
error-not-found = There is no such page or entry.
error-csrf = The form has expired. Go back, reload the page and send it again.
error-busy = Senim is checking too many passwords right now. Try again in a few seconds.
error-bad-request = The request could not be understood.
error-internal = Something went wrong on the server. Nothing has been lost; please try again. If it happens again, give the administrator this incident number: { $incident }.
error-login-taken = This login is already taken.
error-login-invalid = A login is 3–32 characters of Latin letters, digits, dot, dash or underscore.
error-full-name-required = Write the full name.
error-positions-invalid = Choose one or two positions; the system administrator's account holds no other position.

## Deadlines
deadline-rule-consideration = APPC art. 76: considered within 15 working days of receipt
deadline-rule-forward-outside-competence = APPC art. 65: outside the school's competence, forwarded to the competent body within 3 working days
deadline-rule-forward-at-once = Information on a crime against a child being prepared or committed: forwarded at once, the day it arrives
deadline-rule-extension-limit = APPC art. 76: extended by the head's reasoned decision, at most two months from receipt
deadline-rule-extension-notice = APPC art. 76: the applicant is told of the extension within 3 working days
deadline-overdue = overdue
deadline-due-soon = due soon
deadline-on-time = on time

## Forwarding
forwarding-title = Forwarded to (column e)
forwarding-new = Forward the appeal
forwarding-act-deadlines = When the school must forward it itself
forwarding-organisation = Executing organisation
forwarding-channel = Sent by
forwarding-channel-email = e-mail
forwarding-channel-fax = fax
forwarding-channel-telephonogram = telephonogram
forwarding-text-link = text to send
forwarding-sent = Sent
forwarding-deadline = Deadline of consideration
forwarding-receipt-day = Counted as received on
forwarding-other-date = Another date (only with a reason)
forwarding-reason = Reason
forwarding-submit = Record the forwarding
forwarding-saved = Forwarding recorded.
forwarding-received = Received by
forwarding-received-title = Record who received it
forwarding-received-by = Full name of the person who received it
forwarding-received-at = Date and time received
forwarding-received-submit = Save
forwarding-answer = Answer of the organisation
forwarding-answer-title = Record the answer
forwarding-answered-date = Date of the answer
forwarding-answer-submit = Save the answer (it becomes the outcome)
forwarding-answered-on = answered { $date }
forwarding-withdrawn = withdrawn
forwarding-withdraw-title = Withdraw (forwarded by mistake)
forwarding-withdraw-submit = Withdraw
forwarding-deadline-title = Change the deadline
forwarding-deadline-submit = Change the deadline
forwarding-event-forwarded = forwarded
forwarding-event-deadline-changed = deadline changed
forwarding-event-received = receipt recorded
forwarding-event-answered = answer recorded
forwarding-event-withdrawn = withdrawn
telephonogram-title = TELEPHONOGRAM
fax-title = FAX COVER LETTER
telephonogram-date = Date and time
telephonogram-from = From
telephonogram-to = To
telephonogram-transmitted = Transmitted by
telephonogram-received = Received by
telephonogram-body = { $school } forwards for consideration appeal No. { $number } of { $year }, received { $received }. Summary: { $summary } Deadline of consideration: { $due }. Please inform us of the outcome.
directory-title = Executing organisations
directory-intro = The bodies this school forwards appeals to. Fill in their e-mail, fax and phone so forwarding takes one click.
directory-name-kk = Name in Kazakh
directory-name-ru = Name in Russian
directory-email = E-mail
directory-fax = Fax
directory-phone = Phone
directory-address = Address
directory-save = Save
directory-add = Add an organisation
directory-add-submit = Add
monitoring-title = Deadlines
monitoring-intro = Every appeal not yet considered and every forwarding waiting for an answer, as of
monitoring-none = None.
monitoring-appeal = Appeal
monitoring-responsible = Responsible
error-unknown-executing-organisation = Choose an executing organisation from the school's list.
error-no-email-address = This organisation has no e-mail address in the directory: add it there, or choose fax or telephonogram.
error-deadline-reason-required = A deadline other than the one the law gives needs a reason.
error-deadline-before-receipt = The deadline cannot be before the day the appeal was received.
error-deadline-beyond-limit = An extended deadline cannot go beyond two months from receipt.
error-answer-required = Write the organisation's answer.
error-receiver-required = Write the full name of the person who received it.
error-name-required = Write the organisation's name in Kazakh.
error-email-invalid = This is not an e-mail address.
error-forwarding-closed = This forwarding was already answered or withdrawn.

## E-mail
forwarding-include-applicant = Include the applicant's name, address and phone in the letter (only when the organisation needs them)
forwarding-letter-language = Language of the letter
delivery-pending = the letter is waiting to be sent
delivery-sent = letter sent { $at }
delivery-retrying = not sent yet: { $reason } ({ $attempts } attempts); next try { $next }
delivery-failed = the letter was refused: { $reason }. Correct the address in the directory and send it again.
letter-subject = Appeal No. { $number } of { $year } forwarded for consideration
letter-body =
    To: { $organisation }
    { $school } forwards for consideration appeal No. { $number } of { $year }, received { $received }.
    Summary: { $summary }
    { $applicant }
    Deadline of consideration: { $due }.
    Please inform us of the outcome.
    { $sender }, { $school }
letter-applicant = Applicant: { $name }, { $address }, { $phone }
digest-subject = Senim: { $urgent } urgent, { $overdue } overdue, { $this_week } this week, { $waiting } waiting
digest-line = appeal No. { $number } of { $year } — { $duty }, by { $due }
digest-footer = Details are in Senim, on the «My day» page. This message carries no names or texts of appeals.

delivery-cancelled = the letter was not sent: the forwarding was closed first
delivery-resend = Send again
delivery-error-connection = the mail server could not be reached
delivery-error-transient = the mail server asked to try later
delivery-error-permanent = the mail server refused the letter
delivery-error-bad-recipient = the address is not valid
delivery-error-other = the letter could not be prepared

## Urgent triage
mark-urgent = urgent
triage-urgent = Urgent: the summary speaks of a risk to the child.
triage-national-lines = If the child is in danger now: police 102, ambulance 103, the national line 111 (24/7), the line for children and youth 150.
triage-clear-title = Clear the urgent flag
triage-clear-reason = Why it is not urgent
triage-clear-submit = Clear the flag
triage-cleared = The urgent flag was cleared

alert-subject = Senim: urgent appeal No. { $number } of { $year }
alert-body =
    An urgent appeal was registered: No. { $number } of { $year }.
    Sign in to Senim now to read it and act. This message carries no text of the appeal.

## The online Trust Box (public pages)
box-title = Trust Box
box-intro = Here you can write to the school psychologist, the social pedagogue or the school's leadership. You do not have to give your name: nobody will know who wrote.
box-text = What happened? What would you like to say?
box-identify = I want to leave my name or a contact (optional)
box-identify-hint = If you fill this in, the staff can contact you. If you leave it empty, your message is anonymous.
box-name = Your name
box-contact = Phone or e-mail
box-code-warning = After you send, your receipt code is shown only once. Write it down: only this code lets you read the answer, and a lost code cannot be recovered.
box-send = Send
box-anonymity = We do not keep your IP address, device or browser, and we use no cookies.
box-followup-link = Read the answer (with your receipt code)
box-lines-title = If you need help now, call for free:
box-lines-111 = 111 — the unified contact centre for families and children, 24/7.
box-lines-150 = 150 — the helpline for children and youth.
box-lines-danger = If a life is in danger: police 102, ambulance 103.
box-sent-title = Your message has arrived
box-sent-code = Your receipt code:
box-code = Receipt code
box-sent-keep = Write the code down or take a picture of it now. It will not be shown again and cannot be recovered. Do not tell it to anyone.
box-expected-now = It is working hours: the staff will read your message today.
box-expected-later = It is outside working hours now. The staff will read your message from { $from }.
box-followup-title = Read the answer
box-followup-write = Write again
box-followup-close = Close the page when you have read it; the code is not kept on it.
box-followup-open = Open
box-followup-lost = A lost code cannot be recovered: write a new message.
box-new-message = Write a new message
box-cross-site = Please send your message from this page.
box-too-many = Too many attempts. Please try again a little later. If you need help now, call 111 or 150.
box-error-empty = Please write your message.
box-from-you = You
box-from-staff = School
box-followup-sent = Your message has arrived.
box-followup-waiting = No answer yet. When the staff answer, it will appear here: come back later with the same code.
box-followup-not-found = No message was found for this code. Check the digits and enter it again.

## The online conversation on the appeal page
conversation-title = Conversation with the student (by receipt code)
conversation-hint = The student does not see your name, only “School”. The answer is seen when the student enters the code.
conversation-from-student = Student
conversation-reply = Answer
conversation-reply-submit = Send the answer
conversation-replied = The answer has been sent.
appeal-registered-automatically = Online Trust Box (automatically)

## The paper Trust Box: openings, acts, schedule, poster, slips
nav-trust-box = Trust Box
trustbox-title = Trust Box
opening-next-due = The Trust Box is next to be opened by { $date }.
opening-overdue = The Trust Box should have been opened by { $date } — the opening is overdue.
opening-list-title = Box-opening acts
opening-new = Open the Trust Box
opening-none = The box has not been opened yet.
opening-when = Opened on
opening-letters = Letters found
opening-members = Commission members (who sign the act)
opening-members-hint = At least two members of the commission sign the act.
opening-letters-hint = If the box is empty, enter 0: an empty box gets its act too.
opening-waiting = Letters not yet registered: { $count }
opening-schedule-title = Opening schedule
opening-schedule = The box is opened
opening-schedule-save = Save
opening-schedule-saved = The schedule has been saved.
schedule-weekly = once a week
schedule-twice-monthly = twice a month
schedule-monthly = once a month
trustbox-online-title = The online Trust Box
trustbox-online-address = Address for students:
trustbox-poster = Print the poster (with its QR code)
slips-title = Paper slips with receipt codes
slips-hint = Each slip carries a fresh receipt code and the QR code of the answer page. A student writes the letter on the slip and tears off the code; the commission types the code when it registers the letter, and the student can read the answer online.
slips-count = Number of slips
slips-print = Print
slips-once = Print now: the codes are not kept and will not be shown again.
slips-instruction = Write your letter on this slip (no name needed). Tear off and keep the stub below: with its code you read the answer online.
slips-for-commission = Letter code, for the commission
slips-keep = Keep this stub. With this code you read the answer:
poster-lead = Something you want to tell? Write to the school psychologist — no name needed.
poster-anonymous = Point your phone's camera at the QR code. Nobody will know who wrote.
opening-save = Save the act
opening-act-in = The act in
opening-recorded = Recorded by
opening-letters-title = Letters
opening-no-letters = No letter of this opening is registered.
opening-letter-n = Register letter { $n } of { $count }
opening-letter-signed = The letter is signed (the applicant's details)
opening-slip-code = Letter code on the slip (12 digits, if any)
opening-slip-hint = If the letter is written on a slip, type the 12-digit code on the letter itself: the student reads the answer online with the receipt code on the stub she kept.
opening-letter-register = Register the letter
opening-letter-registered = The letter has been registered.
error-opening-members = Choose at least two members of the commission who sign the act.
error-opening-letters = Enter a number of letters from 0 to 500.
error-opening-future = An opening cannot be in the future.
error-opening-all-registered = Every letter of this opening is registered already.
error-slip-unknown = No unused slip has this letter code. Check the digits or leave the field empty.
act-heading = Act of opening the Trust Box
act-date = Date: { $date }
act-title = ACT
act-body-empty = We, the undersigned, established on opening the Trust Box that it held no letters.
act-body-letters = We, the undersigned, found { $count ->
    [one] { $count } letter
   *[other] { $count } letters
} on opening the Trust Box.
act-body-registered = The letters are registered in the journal under No. { $numbers }.

## Hand-over of an urgent appeal
handover-title = Hand-over to a national service
handover-service = Handed to
handover-when = When (Kazakhstan time)
handover-note = Note: whom you spoke to, a reference number (optional)
handover-submit = Record the hand-over
handover-saved = The hand-over has been recorded.
service-111 = 111 — the unified contact centre for families and children
service-102 = 102 — police
service-103 = 103 — ambulance
error-handover-service = Choose the service: 111, 102 or 103.
error-handover-future = The time of the hand-over is invalid or in the future.
error-handover-note = The note is too long (at most 1000 characters).

error-classification-value = Choose one of the listed values.
error-classification-age = Enter the age in whole years from 0 to 25.
mark-awaiting-answer = Student awaits an answer

## Documents: the registration book, the poster, the journal as a workbook
book-title = Registration book of Trust Box letters and Trust Phone calls
book-academic-year = Academic year { $years }
book-year-break = { $year }: numbers start again at 1
book-corrects = corrects entry { $entry }
book-corrected-by = corrected by entry { $entry }
book-empty = No appeal was registered in this academic year.
book-certification-before = Pages numbered, bound and sealed:
book-certification-after = .
book-seal = Seal
book-fingerprint = Fingerprint of the { $year } journal after entry No. { $number }: { $fingerprint } (checked by senim verify)
poster-title = Trust Phone and Trust Box
poster-phone = Trust Phone
poster-hours = Monday – Friday, 9:00 – 18:30. Out of hours, leave a message on the answering machine.
xlsx-sheet = Registration journal
xlsx-year = Year
xlsx-status = Status
xlsx-yes = yes
xlsx-status-closed = Resolved
xlsx-status-open = Open
xlsx-status-forwarded = Forwarded
download-journal-xlsx = Download the journal (XLSX)
download-book = Print the registration book (PDF)
download-act = Download the act
trustbox-phone = Trust Phone number (for the poster)
trustbox-phone-saved = The phone number has been saved.
download-pdf-kk = PDF, Kazakh
download-pdf-ru = PDF, Russian
download-docx-kk = DOCX, Kazakh
download-docx-ru = DOCX, Russian
download-in-kk = Kazakh
download-in-ru = Russian
download-poster = Poster to print (PDF)

## The monthly analysis
nav-analysis = Monthly analysis
analysis-title = Monthly analysis
analysis-hint = The month's work in numbers, beside the previous month and the same month a year before. No names, no texts.
analysis-total = All appeals
analysis-anonymous = Anonymous appeals
analysis-urgent = Urgent appeals
analysis-forwarded = Forwarded
analysis-answered-on-time = Answered on time
analysis-overdue = Overdue
analysis-with-outcome = Outcome recorded
analysis-openings-held = Trust Box openings held
analysis-openings-scheduled = Openings the schedule asked for
analysis-by-category = By category
analysis-by-channel = By channel
download-analysis = For the director
journal-analysis-submitted = The latest monthly analysis ({ $month }) was submitted to the director: { $date }
analysis-text-title = Analysis
analysis-text-kk = Analysis text in Kazakh
analysis-text-ru = Analysis text in Russian
analysis-text-hint = Senim wrote this text from the month's figures; edit it before submitting it to the director. Numbers only: write no child's name and no appeal's text.
analysis-save = Save draft
analysis-submit = Submit to the director
analysis-saved = The analysis was saved.
analysis-submitted = The analysis was submitted to the director.
analysis-submitted-by = Submitted to the director: { $name }, { $date }.
analysis-draft-by = Draft, not submitted: { $name }, { $date }.
analysis-not-written = The analysis text for this month has not been written yet.
analysis-text-too-long = The analysis text is too long (8000 characters at most).
analysis-generated-total = { $month }: appeals registered — { $total } (previous month — { $previous }, same month last year — { $year_ago }).
analysis-generated-kinds = Of them anonymous — { $anonymous }, urgent — { $urgent }.
analysis-generated-channels = Channels: { $channels }.
analysis-generated-forwarded = Forwarded for review — { $forwarded }, answered on time — { $on_time }, answer overdue — { $overdue }.
analysis-generated-openings = The Trust Box was opened { $held } time(s) (scheduled — { $scheduled }).

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The commission's minutes
nav-minutes = Minutes
minutes-page-title = Minutes of the commission's meetings
minutes-hint = Minutes are numbered from No. 1 each year. Senim proposes the agenda from the work since the last meeting — numbers only, no names or texts.
minutes-year = Year
minutes-none = No minutes this year.
minutes-new = New minutes
minutes-held-on = Date of the meeting
minutes-item = Item { $number }
minutes-topic = Topic
minutes-speaker = Heard
minutes-no-speaker = — nobody —
minutes-said = What they said
minutes-resolved-field = Resolved
minutes-chair-field = Chair
minutes-secretary-field = Secretary
minutes-items-hint = An item left empty is ignored.
minutes-propose = Propose the agenda
minutes-record = Record the minutes
minutes-recorded = Minutes No. { $number } were recorded.
minutes-proposed = The agenda was proposed from the work since { $since }; you may change it.
minutes-proposed-letters-topic = Discussion of the letters in the Trust Box.
minutes-proposed-letters-said = Since { $since } the Trust Box was opened { $openings } time(s); letters found — { $letters }.
minutes-proposed-appeals-topic = Work on the appeals to the Trust Phone and the Trust Box.
minutes-proposed-appeals-said = Appeals registered — { $appeals }, of them urgent — { $urgent }.
minutes-proposed-overdue-topic = Forwardings past their deadline.
minutes-proposed-overdue-said = Forwardings whose answer is overdue: { $overdue }.
minutes-heading = Meeting of the Trust Box commission, { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
minutes-date = { $date }
minutes-number = Minutes No. { $number }
minutes-attendees = Present:
minutes-agenda = Agenda:
minutes-heard = Heard:
minutes-resolved = Resolved:
minutes-chair = Chair
minutes-secretary = Secretary
error-minutes-attendees-required = Mark who attended the meeting.
error-minutes-items-required = The agenda needs at least one item.
error-minutes-topic-required = Every item needs its topic.
error-minutes-resolved-required = Write what was resolved on every item.
error-minutes-speaker-not-attendee = A speaker must be among those present.
error-minutes-chair-not-attendee = The chair must be among those present.
error-minutes-secretary-not-attendee = The secretary must be among those present.
error-minutes-too-long = A text is too long (4000 characters at most).
error-minutes-held-in-future = Minutes are recorded only after the meeting.
error-minutes-unknown-attendee = Those present must be staff of this school.
error-minutes-date = Give the date of the meeting.

## The yearly activity plan
nav-plan = Activity plan
plan-page-title = Activity plan
plan-hint = Each item's periods are marked from the recorded work: box-opening acts, minutes, registered calls; the rest a staff member marks with a note.
plan-academic-year = Academic year
plan-none = There is no plan for the { $years } academic year yet.
plan-create-default = Start from the standard plan (7 items)
plan-created = The plan was created.
plan-exists = This academic year already has a plan.
plan-title = Plan of activities for the Trust Phone and the Trust Box, { $years } academic year
plan-col-number = No.
plan-col-activity = Activities
plan-col-timing = Timing
plan-col-responsible = Responsible
plan-col-progress = Done
plan-progress = { $done } of { $due } { $due ->
    [one] period
   *[other] periods
} done
plan-progress-quiet = No calls came in — nothing was missed
plan-progress-running = The first period is under way
plan-progress-not-begun = No period has begun yet
plan-progress-missed = Missed: { $periods }
plan-legend = Progress from the records as of { $date }: box-opening acts, minutes, registered calls and staff marks.
plan-activity-organise = Organise the work of the Trust Phone and the Trust Box.
plan-activity-order = Issue the order on the Trust Phone and the Trust Box.
plan-activity-inform-classes = Inform the classes about the Trust Phone and the Trust Box.
plan-activity-letters = Work with the letters in the Trust Box.
plan-activity-calls = Work with and register the calls to the Trust Phone.
plan-activity-act = Fill in the act when the Trust Box is opened.
plan-activity-council = Review what the Trust Phone and the Trust Box received at the director's council.
timing-weekly = Once a week
timing-twice-monthly = Twice a month
timing-monthly = Once a month
timing-once = Once a year
plan-evidence-openings = marked from box-opening acts
plan-evidence-minutes = marked from minutes
plan-evidence-calls = marked from registered calls
plan-evidence-manual = marked by staff
plan-mark-done = done
plan-mark-marked = marked
plan-mark-missed = missed
plan-mark-quiet = no calls
plan-mark-current = current period
plan-mark-upcoming = ahead
position-short-responsible-specialist = Responsible specialist
position-short-psychologist = Psychologist
position-short-social-pedagogue = Social pedagogue
position-short-deputy-director = Deputy director (upbringing)
position-short-director = Director
position-short-administrator = System administrator
plan-add = Add an item
plan-activity-field = Activity
plan-own-activity = — our own activity (write it below) —
plan-own-wording = Wording of your own activity
plan-timing-field = Timing
plan-responsible-field = Responsible
plan-item-added = The item was added.
plan-remove = Remove from the plan
plan-remove-warning = The item leaves the plan together with the marks staff placed. A standard item can be added again with «Add an item».
plan-remove-confirm = Yes, remove it from the plan
plan-item-removed = The item was removed from the plan.
plan-mark = Mark as done
plan-mark-period = Period
plan-mark-note = What was done
plan-marked = The period was marked as done.
plan-unmark = Take the mark back
plan-unmarked = The mark was taken back.
error-plan-activity = Describe the activity (500 characters at most).
error-plan-responsible = Choose who is responsible.
error-plan-timing = The timing must be a month of the school year (September to May).
error-plan-note = Write what was done (500 characters at most).
error-plan-period = That is not a period of this item.
error-plan-future-period = A period that has not begun cannot be marked as done.

nav-staff = Staff access
staff-title = Staff access
staff-note = A new account whose position reads appeals opens nothing until the school's director or deputy director confirms it. The system administrator cannot confirm.
staff-none-waiting = No account is waiting for confirmation.
staff-confirm = Confirm
staff-confirm-who = Confirm the account { $login }
staff-confirmed = The account is confirmed: it may now read appeals.
journal-accounts-waiting = Accounts waiting for your confirmation before they read appeals: { $count }.
error-awaiting-confirmation = The school's director or deputy director has not yet confirmed your account. Until then no appeal opens; only your own account's pages do.
error-nothing-to-confirm = This account is not waiting for confirmation.
confirmation-request-subject = Senim: an account waits for your confirmation
confirmation-request-body =
    The account { $login } was opened ({ $positions }).
    It reads appeals only once you or the deputy director confirm it in Senim: sign in and open the page "Staff access".
    This message holds nothing about any appeal.
staff-waiting = Waiting for confirmation
staff-accounts = All accounts
staff-state = State
staff-change = Change
staff-deactivate = Deactivate
staff-reactivate = Reactivate
staff-deactivate-who = Deactivate the account { $login }
staff-reactivate-who = Reactivate the account { $login }
staff-deactivated = The account is deactivated: its open pages and API tokens open nothing any more.
staff-reactivated = The account is active again. If it reads appeals, it waits for confirmation again.
staff-deactivate-note = A deactivated account cannot sign in, its open pages close at the next request and its tokens stop working. Nobody deactivates their own account.
account-state-active = active
account-state-awaiting-confirmation = waiting for confirmation
account-state-deactivated = deactivated
error-account-state-unchanged = The account is already in that state.
error-own-account = Your own account is not changed or deactivated here; change your password on the password page.
nav-tokens = Tokens
tokens-title = Tokens for applications
tokens-note = A token lets the school's telephone exchange or another system work through Senim's API in your name — only within the rights chosen, and until it ends.
tokens-created = A new token. Copy it now: it is not shown again.
tokens-none = No token yet.
tokens-name = Name
tokens-name-hint = e.g. the school's PBX
tokens-scopes = Rights
tokens-made = Made
tokens-ends = Ends
tokens-revoke = Revoke
tokens-revoke-which = Revoke the token «{ $name }»
tokens-revoked = The token is revoked: it opens nothing any more.
tokens-add = A new token
tokens-submit = Get a token
tokens-expires-30d = 30 days
tokens-expires-90d = 90 days
tokens-expires-1y = 1 year
token-state-active = valid
token-state-expired = expired
token-state-revoked = revoked
token-scope-journal-read = read the journal and appeals
token-scope-journal-write = register appeals and keep the record
token-scope-phone-intake = take in what arrives unattended (voicemails), reading nothing
token-scope-staff-manage = manage the staff's accounts
error-scope-not-allowed = Choose at least one right your position allows.
error-lifetime-invalid = Choose how long it lasts: at most five years.

## Audit trail
nav-audit = Audit trail
nav-sign-ins = My sign-ins
token-scope-audit-read = read the audit trail
audit-title = Audit trail
audit-note = Who did what, and when: sign-ins, appeals opened, journal searches, documents downloaded, changes to accounts and tokens. An appeal's text, a name, a phone, a receipt code or an address is never written here. Only the director and the deputy director read the trail.
audit-day = Day
audit-appeal-number = Appeal number
audit-filter = Show
audit-none = No event matches.
audit-at = When
audit-who = Who
audit-what = What
audit-concerning = Concerning
audit-truncated = Only the latest 500 events are shown: narrow the search by day or person.
audit-server-holder = the server's holder (command line)
audit-appeal = appeal No. { $number } ({ $year })
audit-action-signed-in = signed in
audit-action-sign-in-failed = failed to sign in (wrong password)
audit-action-signed-out = signed out
audit-action-appeal-opened = opened an appeal
audit-action-journal-viewed = viewed the journal
audit-action-journal-searched = searched the journal
audit-action-conversation-read = read an online conversation
audit-action-document-downloaded = downloaded a document
audit-action-account-created = created an account
audit-action-account-confirmed = confirmed an account
audit-action-account-changed = changed an account
audit-action-account-deactivated = deactivated an account
audit-action-account-reactivated = reactivated an account
audit-action-password-changed = changed their password
audit-action-password-reset = issued a new one-time password
audit-action-two-factor-enabled = turned on two-factor sign-in
audit-action-two-factor-disabled = turned off two-factor sign-in
audit-action-recovery-codes-renewed = took new recovery codes
audit-action-recovery-code-used = signed in with a recovery code
audit-action-token-created = created a token
audit-action-token-revoked = revoked a token
audit-action-urgent-flag-cleared = cleared an urgent flag
audit-action-settings-changed = changed a setting
audit-action-chains-sealed = chain heads sealed with the key
audit-detail-confirmed = confirmed at once
audit-detail-registration-book = registration book
audit-detail-journal-xlsx = journal (XLSX)
audit-detail-opening-act = box-opening act
audit-detail-minutes = minutes
audit-detail-plan = activity plan
audit-detail-monthly-analysis = monthly analysis
audit-detail-forwarding-letter = covering letter
audit-detail-poster = poster
audit-detail-slips = slips
sign-ins-title = My sign-ins
sign-ins-note = Your sign-ins and sign-outs of the last 90 days. If you see one you did not make, change your password at once and tell the director.

## Two-factor sign-in
nav-two-factor = Two-factor sign-in
two-factor-title = Two-factor sign-in
two-factor-note = Besides the password, Senim asks for the six-digit code an authenticator app on your phone changes every 30 seconds. Even someone who knows your password cannot sign in without your phone.
two-factor-required-notice = Your school requires a second factor of every account that reads appeals: turn it on to go on.
two-factor-start = Start
two-factor-scan = Add it to the app
two-factor-step-app = Install an authenticator app on your phone (any time-based one-time code app will do).
two-factor-step-scan = Add a new account in the app and scan this code, or type the secret key by hand.
two-factor-step-code = Type the six-digit code the app shows below.
two-factor-qr-label = QR code for the authenticator app
two-factor-secret = Secret key:
two-factor-uri = The link's text, for the app
two-factor-code = Code from the app
two-factor-code-hint = The six-digit code from the app, or one of your recovery codes.
two-factor-confirm = Check and turn on
two-factor-enabled = Two-factor sign-in is on.
two-factor-is-on = Two-factor sign-in is on.
two-factor-codes-left = Unused recovery codes: { $count }.
two-factor-recovery-title = Recovery codes
two-factor-recovery-note = If you lose your phone, sign in with one of these codes. Each works once. Write them on paper and keep them somewhere safe: they will not be shown again.
two-factor-new-codes = Take new recovery codes
two-factor-codes-renewed = New codes are ready: the old ones no longer work.
two-factor-turn-off = Turn two-factor sign-in off
two-factor-disabled = Two-factor sign-in is off.
two-factor-code-wrong = That code did not match. Type the code the app shows now.
two-factor-code-reused = This code was already used. Wait for the app's next code.
two-factor-required-cannot-disable = Your school requires a second factor, so it cannot be turned off.
two-factor-start-again = Start the enrolment again.
two-factor-sign-in-title = Sign-in code
two-factor-start-over = Start signing in again
staff-two-factor = Two-factor sign-in
staff-two-factor-on = The school requires a second factor of every account that reads appeals.
staff-two-factor-off = The school does not require a second factor: appeals can be read after signing in with a password only.
staff-two-factor-require = Require a second factor of every account that reads appeals
staff-two-factor-save = Save
staff-two-factor-saved = The two-factor setting is saved.
audit-detail-two-factor-required = second factor required
audit-detail-two-factor-not-required = second factor not required
audit-detail-second-factor = wrong second-factor code
staff-edit = Change
staff-edit-who = Change the account { $login }
staff-account-title = Account
staff-back = ← All accounts
staff-positions-note = A position added that reads appeals makes the account wait for the director's or the deputy director's confirmation again.
staff-positions-save = Save the positions
staff-positions-saved = The positions are saved. An account given a new position that reads appeals waits for confirmation.
staff-email-save = Save the address
staff-email-saved = The e-mail address is saved.
staff-password-title = One-time password
staff-password-note = For someone who forgot their password: a new one-time password, shown once, to hand over in person. The account's open pages and API tokens stop. To an account that reads appeals only the director or the deputy director gives one.
staff-password-reset-button = Give a new one-time password
staff-password-reset = New one-time password — hand it over in person; it is shown only now:
staff-waits-own-password = Waits for the person to choose their own password
error-own-password-first = The person has not chosen their own password yet. Confirm the account once they have signed in and changed it.
error-last-head = The school would be left without a confirmed director or deputy director, and nobody could confirm readers. Confirm another head first.
directory-email-history = Changes of the e-mail address
directory-email-note = A new e-mail address is kept in the entry's history with who changed it and when; letters already waiting go to the address they were written for.
delivery-to = Letter address:
audit-detail-forwardings = its forwardings
audit-detail-positions = positions
audit-detail-positions-confirm-again = positions; waits for confirmation again
audit-detail-one-time-password = a new one-time password
audit-detail-email = e-mail address
audit-detail-directory-email = e-mail address in the directory
error-reset-by-heads = Only the director or the deputy director gives a new one-time password to an account that reads appeals: whoever sees the password could open it.
staff-confirm-note = Confirm an account only once its person has told you that they signed in and chose their own password: whoever made the account saw its one-time password.

## Every appeal watched to its end
nav-day = My day
digest-appeal = appeal No. { $number } of { $year }
digest-box-waiting = Online box conversations waiting for an answer: { $count }
day-title = My day
day-intro = What is yours to do today, { $date }. Only numbers and deadlines are shown here.
day-none = Nothing to do today.
day-urgent = Urgent: not yet handed over or forwarded
day-overdue = Overdue
day-to-forward = To forward to the competent body within 3 working days
day-this-week = This week
day-unassigned = Appeals nobody is responsible for
day-box-waiting = Online box conversations where a student waits for an answer: { $count }
day-box-link = See them in the journal
day-take = Take it
duty-consideration = consider
duty-extension-limit = consider by the extended date
duty-forward-outside-competence = forward to the competent body
duty-forward-at-once = hand over to 111, 102, 103 or forward at once
duty-extension-notice = tell the applicant of the extension
duty-forwarding = the executing organisation's answer
monitoring-duty = What to do
monitoring-due = Deadline
monitoring-nobody = nobody responsible
watch-title = Consideration deadline and responsible person
watch-due = To be considered by
watch-due-forwarded = Forwarded: the executing organisation's deadline to answer
watch-answered = Considered: the outcome is in column f
watch-duties = What is left to do
watch-responsible = Responsible
watch-assign = Change the responsible person
watch-assign-submit = Make responsible
watch-assignments = Changes of the responsible person
watch-assigned-line = { $date }: { $name } became responsible (given by { $by })
watch-extend = Extend the consideration
watch-extend-hint = By the head's reasoned decision, at most two months from receipt (by { $limit } at the latest). A named applicant is told within 3 working days.
watch-extend-due = New deadline
watch-extend-reason = Reason for the decision
watch-extend-decided = Day of the decision
watch-extend-told = Day the applicant was told (if they were)
watch-extend-submit = Extend the deadline
watch-extensions = Extensions
watch-extension-line = Extended to { $due } by the decision of { $date } ({ $by })
watch-not-told = The applicant has not been told yet
watch-told-submit = Mark as told
watch-outside = Outside the school's competence
watch-outside-hint = An appeal outside the school's competence is forwarded to the competent body within 3 working days of receipt.
watch-outside-submit = Mark as outside the school's competence
watch-outside-marked = Marked as outside the school's competence: forward it to the competent body
watch-saved = Saved.
error-assign-registrar = An appeal can only be given to an active member of staff who registers appeals.
error-extension-reason = An extension is the head's reasoned decision: give the reason.
error-extension-reason-long = The reason is too long: at most 2000 characters.
error-extension-not-later = The new deadline must come after the 15 working days of consideration.
error-extension-limit = The deadline is at most two months from receipt.
error-extension-decided = The day of the decision is between the day of receipt and today.
error-extension-told = The day the applicant was told is between the decision and today.
error-extension-answered = The appeal is already considered: its deadline cannot be extended.
audit-action-appeal-assigned = made a person responsible for an appeal
audit-action-consideration-extended = extended the consideration of an appeal
audit-action-extension-notice-recorded = recorded the notice of an extension
audit-action-outside-competence-marked = marked an appeal outside the school's competence
mark-overdue = overdue
notice-language = Language of the notice:
notice-signature = School director ____________________
notice-date = Date: { $date }
notice-forwarding-title = Notice that your appeal was forwarded
notice-forwarding-body = Dear { $name }, your appeal received on { $received } and registered as No. { $number } of { $year } was forwarded on { $sent } to «{ $organisation }» for consideration, under article 65 of the Administrative Procedural and Process Code. That organisation will answer it by { $due }.
notice-extension-title = Notice of the extension of your appeal's consideration
notice-extension-body = Dear { $name }, the consideration of your appeal received on { $received } and registered as No. { $number } of { $year } was extended to { $due } by the decision of { $decided }, under article 76 of the Administrative Procedural and Process Code. The reason: { $reason }
notice-record = Record that the notice was given
notice-sent-on = Day it was given
notice-channel = How it was given
notice-channel-hand = handed over in person
notice-channel-post = sent by post
notice-channel-email = sent by e-mail
notice-record-submit = Record
notice-recorded = The applicant was told on { $date }: { $channel }
notice-link = Notice to the applicant
notice-not-given = not given yet
notice-open = open the notice
notice-extension-open = Open the notice of the extension
error-notice-channel = Choose how the notice was given.
error-notice-date = The day the notice was given is between the decision or the forwarding and today.
error-notice-anonymous = An anonymous appeal has no notice: there is nobody to tell.
error-notice-recorded = The notice is already recorded as given.
audit-action-applicant-notice-recorded = recorded a notice to an applicant as given
audit-detail-forwarding-notice = notice of a forwarding
audit-detail-applicant-notice = notice to an applicant
error-extension-forwarded = A forwarded appeal follows its forwarding's deadline: change it on the forwarding's card.
error-extension-past = The new deadline cannot be before today.
error-extension-decided-late = An extension is decided before the deadline it extends has passed.
error-extension-none = This appeal's consideration was not extended.
error-assign-answered = The appeal is already considered: its responsible person does not change.
day-letters-waiting = Letters found at a box opening and not yet registered: { $count }
day-letters-link = Register them on the Trust Box page
digest-letters-waiting = Letters from the box not yet registered: { $count }
