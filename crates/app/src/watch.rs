//! Every appeal watched to its end: the school's own duties and its forwardings, each with its
//! last day and the person who answers for it; giving an appeal to another person, extending
//! its consideration, recording that the applicant was told, marking it outside the school's
//! competence; and each person's day.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use senim_domain::audit::AuditAction;
use senim_domain::deadline::{DeadlineRule, DeadlineStatus};
use senim_domain::forwarding::ForwardingId;
use senim_domain::watch::{
    AssignError, ExtensionError, ExtensionRequest, NoticeChannel, NoticeError, WatchedAppeal, appeals,
    notice_day, plan_extension,
};
use senim_domain::{AppealId, EntryRef, OrganisationId, UserId};
use senim_store::{ForwardingRecord, StoreError, User};

use crate::{App, Refused};

/// One thing to be done by a day: a duty of the school, or a forwarding awaiting its answer.
#[derive(Clone, Debug)]
pub struct WatchItem {
    /// The appeal's standing entry.
    pub appeal: AppealId,
    pub entry: EntryRef,
    pub rule: DeadlineRule,
    pub due: NaiveDate,
    pub status: DeadlineStatus,
    /// Who answers for it; `None` when nobody on the staff can (the box registered it, or the
    /// person left or no longer registers appeals).
    pub responsible: Option<UserId>,
    /// The forwarding, when the item is one.
    pub forwarding: Option<ForwardingRecord>,
}

/// Every appeal of a school and what is left to do on the open ones, the earliest first.
#[derive(Clone, Debug, Default)]
pub struct Watch {
    /// Every appeal, answered ones included.
    pub appeals: Vec<WatchedAppeal>,
    pub items: Vec<WatchItem>,
    /// The school's staff who may answer for an appeal: active, registering appeals.
    pub registrars: Vec<User>,
    by_entry: HashMap<AppealId, usize>,
}

impl Watch {
    /// The appeal an entry belongs to (a corrected entry belongs to its correction's appeal).
    pub fn appeal_of(&self, entry: AppealId) -> Option<&WatchedAppeal> {
        self.by_entry.get(&entry).map(|&index| &self.appeals[index])
    }

    /// The person who answers for an appeal, if they still can.
    pub fn responsible(&self, appeal: &WatchedAppeal) -> Option<&User> {
        self.registrars.iter().find(|user| user.id == appeal.responsible)
    }

    /// The entries of appeals with something overdue: the journal marks them.
    pub fn overdue_entries(&self) -> HashSet<AppealId> {
        self.items
            .iter()
            .filter(|item| item.status == DeadlineStatus::Overdue)
            .map(|item| item.appeal)
            .collect()
    }

    /// The open items of one appeal.
    pub fn items_of(&self, appeal: AppealId) -> impl Iterator<Item = &WatchItem> {
        self.items.iter().filter(move |item| item.appeal == appeal)
    }
}

/// What a person has to do today.
#[derive(Clone, Debug, Default)]
pub struct MyDay {
    /// Urgent appeals not yet handed over or forwarded: everyone who reads appeals sees them.
    pub urgent: Vec<WatchItem>,
    /// Overdue: the person's own; a head's, everyone's.
    pub overdue: Vec<WatchItem>,
    /// Outside the school's competence, to be forwarded within 3 working days.
    pub to_forward: Vec<WatchItem>,
    /// Due by the end of this week (Sunday).
    pub this_week: Vec<WatchItem>,
    /// Open appeals nobody on the staff answers for: shown to heads and registrars, who can
    /// take them.
    pub unassigned: Vec<WatchedAppeal>,
    /// Online box conversations whose last word is the student's.
    pub box_waiting: usize,
    /// Letters found at a box opening and not yet registered.
    pub letters_waiting: usize,
    /// Voicemails waiting in the inbox, and how many of them are past their registration day.
    pub voicemails_waiting: usize,
    pub voicemails_late: usize,
}

impl MyDay {
    pub fn is_empty(&self) -> bool {
        self.urgent.is_empty()
            && self.overdue.is_empty()
            && self.to_forward.is_empty()
            && self.this_week.is_empty()
            && self.unassigned.is_empty()
            && self.box_waiting == 0
            && self.letters_waiting == 0
            && self.voicemails_waiting == 0
    }

    /// What waits beyond the dated items: appeals nobody holds, box conversations, letters.
    pub fn waiting(&self) -> usize {
        self.unassigned.len() + self.box_waiting + self.letters_waiting + self.voicemails_waiting
    }
}

/// The Fluent id of an item's short name ("consider", "forward to the competent body", …).
pub fn duty_message_id(item: &WatchItem) -> &'static str {
    if item.forwarding.is_some() {
        return "duty-forwarding";
    }
    match item.rule {
        DeadlineRule::Consideration => "duty-consideration",
        DeadlineRule::ExtensionLimit => "duty-extension-limit",
        DeadlineRule::ForwardOutsideCompetence => "duty-forward-outside-competence",
        DeadlineRule::ForwardAtOnce => "duty-forward-at-once",
        DeadlineRule::ExtensionNotice => "duty-extension-notice",
    }
}

impl App {
    /// Every open appeal of the school and its items, today.
    pub async fn watch(&self, organisation_id: OrganisationId) -> Result<Watch, StoreError> {
        self.watch_on(organisation_id, self.clock.today()).await
    }

    /// Every open appeal of the school and its items, as they stand on `today`.
    pub async fn watch_on(
        &self,
        organisation_id: OrganisationId,
        today: NaiveDate,
    ) -> Result<Watch, StoreError> {
        let facts = self.store.entry_facts(organisation_id).await?;
        self.watch_from(organisation_id, facts, today).await
    }

    /// The appeals of these entries only (their whole chains) and their items on `today`: what
    /// a page of the journal or one appeal needs, whatever the journal's size.
    pub async fn watch_of(
        &self,
        organisation_id: OrganisationId,
        entries: &[AppealId],
        today: NaiveDate,
    ) -> Result<Watch, StoreError> {
        let facts = self.store.entry_facts_of(organisation_id, entries).await?;
        self.watch_from(organisation_id, facts, today).await
    }

    async fn watch_from(
        &self,
        organisation_id: OrganisationId,
        facts: Vec<senim_domain::watch::EntryFacts>,
        today: NaiveDate,
    ) -> Result<Watch, StoreError> {
        let forwardings = self.store.open_forwardings(organisation_id).await?;
        let registrars: Vec<User> = self
            .store
            .staff(organisation_id)
            .await?
            .into_iter()
            .filter(|user| user.active && user.permissions().register_appeals)
            .collect();
        // Every appeal, answered or not, so that any entry finds its appeal; only open ones
        // have items.
        let appeals: Vec<WatchedAppeal> = appeals(&facts);
        let mut by_entry = HashMap::new();
        for (index, appeal) in appeals.iter().enumerate() {
            for entry in &appeal.entries {
                by_entry.insert(*entry, index);
            }
        }
        let can_answer: HashSet<UserId> = registrars.iter().map(|user| user.id).collect();
        let responsible = |appeal: &WatchedAppeal| {
            can_answer
                .contains(&appeal.responsible)
                .then_some(appeal.responsible)
        };
        let mut items = Vec::new();
        for appeal in &appeals {
            let entry = EntryRef {
                year: appeal.year,
                number: appeal.number,
            };
            for duty in appeal.duties(&self.calendar) {
                items.push(WatchItem {
                    appeal: appeal.id,
                    entry,
                    rule: duty.rule,
                    due: duty.due,
                    status: duty.status(&self.calendar, today),
                    responsible: responsible(appeal),
                    forwarding: None,
                });
            }
        }
        for forwarding in forwardings {
            // A forwarding of an answered appeal waits for nothing more of the school.
            let Some(&index) = by_entry.get(&forwarding.appeal_id) else {
                continue;
            };
            let appeal = &appeals[index];
            if !appeal.is_open() {
                continue;
            }
            items.push(WatchItem {
                appeal: appeal.id,
                entry: EntryRef {
                    year: appeal.year,
                    number: appeal.number,
                },
                rule: forwarding.rule,
                due: forwarding.due_on,
                status: DeadlineStatus::of(&self.calendar, forwarding.due_on, today),
                responsible: responsible(appeal),
                forwarding: Some(forwarding),
            });
        }
        items.sort_by_key(|item| (item.due, item.entry.year, item.entry.number));
        Ok(Watch {
            appeals,
            items,
            registrars,
            by_entry,
        })
    }

    /// What `user` has to do today: numbers and deadlines, nothing opened.
    pub async fn my_day(&self, user: &User) -> Result<MyDay, StoreError> {
        let permissions = user.permissions();
        if !permissions.read_appeals {
            return Ok(MyDay::default());
        }
        let today = self.clock.today();
        let watch = self.watch_on(user.organisation_id, today).await?;
        self.day_of(user, &watch, today).await
    }

    /// `user`'s day in the school's `watch` of `today`. What nobody on the staff answers for
    /// is every registrar's until one of them takes it.
    pub async fn day_of(&self, user: &User, watch: &Watch, today: NaiveDate) -> Result<MyDay, StoreError> {
        let permissions = user.permissions();
        if !permissions.read_appeals {
            return Ok(MyDay::default());
        }
        let head = permissions.confirm_readers;
        let sunday = today + chrono::Days::new(u64::from(6 - today.weekday().num_days_from_monday()));
        let mine = |item: &WatchItem| {
            item.responsible == Some(user.id) || item.responsible.is_none() && permissions.register_appeals
        };
        let mut day = MyDay::default();
        for item in &watch.items {
            if item.rule == DeadlineRule::ForwardAtOnce {
                day.urgent.push(item.clone());
            } else if item.status == DeadlineStatus::Overdue {
                if mine(item) || head {
                    day.overdue.push(item.clone());
                }
            } else if !mine(item) {
                continue;
            } else if item.rule == DeadlineRule::ForwardOutsideCompetence {
                day.to_forward.push(item.clone());
            } else if item.due <= sunday || item.status == DeadlineStatus::DueSoon {
                day.this_week.push(item.clone());
            }
        }
        if head || permissions.register_appeals {
            day.unassigned = watch
                .appeals
                .iter()
                .filter(|appeal| appeal.is_open() && watch.responsible(appeal).is_none())
                .cloned()
                .collect();
        }
        if permissions.register_appeals {
            day.box_waiting = self.store.awaiting_answer(user.organisation_id).await?.len();
            day.letters_waiting = self
                .store
                .openings(user.organisation_id)
                .await?
                .iter()
                .map(|opening| opening.letters_waiting() as usize)
                .sum();
            (day.voicemails_waiting, day.voicemails_late) =
                self.inbox_waiting(user.organisation_id, today).await?;
        }
        Ok(day)
    }

    /// Gives an open appeal (by any of its entries) to a member of staff who registers
    /// appeals; the change is kept in the appeal's history and the audit.
    pub async fn assign_appeal(
        &self,
        by: &User,
        entry: AppealId,
        to: UserId,
    ) -> Result<(), Refused<AssignError>> {
        let watch = self
            .watch_of(by.organisation_id, &[entry], self.clock.today())
            .await?;
        let appeal = match watch.appeal_of(entry) {
            Some(appeal) => appeal.clone(),
            None => self.standing_appeal(by.organisation_id, entry).await?,
        };
        if appeal.answered {
            return Err(Refused::Rule(AssignError::Answered));
        }
        if !watch.registrars.iter().any(|user| user.id == to) {
            return Err(Refused::Rule(AssignError::NotARegistrar));
        }
        let audit = self
            .event(by, AuditAction::AppealAssigned)
            .on_appeal(EntryRef {
                year: appeal.year,
                number: appeal.number,
            })
            .on_account(to);
        self.store
            .assign_appeal(by.organisation_id, appeal.id, to, by.id, self.now(), &audit)
            .await?;
        tracing::info!(
            appeal = appeal.id.0,
            user = by.id.0,
            to = to.0,
            "appeal given to another"
        );
        Ok(())
    }

    /// The appeal an entry belongs to, answered or not; `NotFound` for another school's.
    pub async fn standing_appeal(
        &self,
        organisation_id: OrganisationId,
        entry: AppealId,
    ) -> Result<WatchedAppeal, StoreError> {
        let facts = self.store.entry_facts_of(organisation_id, &[entry]).await?;
        appeals(&facts)
            .into_iter()
            .find(|appeal| appeal.entries.contains(&entry))
            .ok_or(StoreError::NotFound)
    }

    /// Extends the consideration of an appeal by the head's reasoned decision.
    pub async fn extend_consideration(
        &self,
        by: &User,
        entry: AppealId,
        request: &ExtensionRequest<'_>,
    ) -> Result<(), Refused<ExtensionError>> {
        let appeal = self.standing_appeal(by.organisation_id, entry).await?;
        let (extension, reason) =
            plan_extension(&self.calendar, &appeal, request, self.clock.today()).map_err(Refused::Rule)?;
        let audit = self
            .event(by, AuditAction::ConsiderationExtended)
            .on_appeal(EntryRef {
                year: appeal.year,
                number: appeal.number,
            });
        self.store
            .record_extension(by.organisation_id, appeal.id, &extension, reason, &audit)
            .await?;
        tracing::info!(appeal = appeal.id.0, user = by.id.0, "consideration extended");
        Ok(())
    }

    /// Records the day (and the way) the named applicant was told of the appeal's latest
    /// extension.
    pub async fn record_extension_told(
        &self,
        by: &User,
        entry: AppealId,
        told_on: Option<NaiveDate>,
        channel: NoticeChannel,
    ) -> Result<(), Refused<ExtensionError>> {
        let appeal = self.standing_appeal(by.organisation_id, entry).await?;
        let (Some(extension), Some(extension_id)) = (appeal.extension, appeal.extension_id) else {
            return Err(Refused::Rule(ExtensionError::NoExtension));
        };
        if appeal.anonymous {
            return Err(Refused::Rule(ExtensionError::Anonymous));
        }
        if extension.told_on.is_some() {
            return Err(Refused::Rule(ExtensionError::AlreadyTold));
        }
        let today = self.clock.today();
        let told_on = told_on.unwrap_or(today);
        if told_on < extension.decided_on || told_on > today {
            return Err(Refused::Rule(ExtensionError::ToldDate));
        }
        let audit = self
            .event(by, AuditAction::ExtensionNoticeRecorded)
            .on_appeal(EntryRef {
                year: appeal.year,
                number: appeal.number,
            });
        if !self
            .store
            .record_extension_told(by.organisation_id, extension_id, told_on, channel, &audit)
            .await?
        {
            return Err(Refused::Rule(ExtensionError::AlreadyTold));
        }
        tracing::info!(appeal = appeal.id.0, user = by.id.0, "extension notice recorded");
        Ok(())
    }

    /// Marks an appeal outside the school's competence: it is to be forwarded to the competent
    /// body within 3 working days of its receipt. Marking it again changes nothing.
    pub async fn mark_outside_competence(&self, by: &User, entry: AppealId) -> Result<(), StoreError> {
        let appeal = self.standing_appeal(by.organisation_id, entry).await?;
        let audit = self
            .event(by, AuditAction::OutsideCompetenceMarked)
            .on_appeal(EntryRef {
                year: appeal.year,
                number: appeal.number,
            });
        if self
            .store
            .mark_outside_competence(by.organisation_id, appeal.id, by.id, self.now(), &audit)
            .await?
        {
            tracing::info!(
                appeal = appeal.id.0,
                user = by.id.0,
                "marked outside the school's competence"
            );
        }
        Ok(())
    }

    /// Records the day and the way a named applicant was told that their appeal was
    /// forwarded (APPC art. 65).
    pub async fn record_forwarding_notice(
        &self,
        by: &User,
        forwarding_id: ForwardingId,
        sent_on: Option<NaiveDate>,
        channel: NoticeChannel,
    ) -> Result<(), Refused<NoticeError>> {
        let forwarding = self.store.forwarding(by.organisation_id, forwarding_id).await?;
        if forwarding.withdrawn.is_some() {
            return Err(Refused::Store(StoreError::NotFound));
        }
        let appeal = self
            .standing_appeal(by.organisation_id, forwarding.appeal_id)
            .await?;
        if appeal.anonymous {
            return Err(Refused::Rule(NoticeError::Anonymous));
        }
        let sent_on = notice_day(
            sent_on,
            senim_domain::time::local_date(forwarding.sent_at),
            self.clock.today(),
        )
        .map_err(Refused::Rule)?;
        let audit = self
            .event(by, AuditAction::ApplicantNoticeRecorded)
            .on_appeal(EntryRef {
                year: appeal.year,
                number: appeal.number,
            })
            .with_detail("forwarding_notice");
        if !self
            .store
            .record_forwarding_notice(by.organisation_id, forwarding_id, sent_on, channel, &audit)
            .await?
        {
            return Err(Refused::Rule(NoticeError::Recorded));
        }
        tracing::info!(
            forwarding = forwarding_id.0,
            user = by.id.0,
            "forwarding notice recorded"
        );
        Ok(())
    }
}
