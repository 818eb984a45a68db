using HiTechTex.Bot.Features.Exchanges;
using HiTechTex.Bot.Persistence;
using HiTechTex.Bot.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary><see cref="ExchangeStore"/> on each provider: the conditional transitions and the once-only claims.</summary>
public abstract class ExchangeStoreTests(DatabaseFixture database, bool isSqlite)
{
    private static readonly ExchangeActor Applicant = new("11111111-1111-1111-1111-111111111111", "Ana", "29:ana", "tenant");
    private static readonly ExchangeActor Manager = new("22222222-2222-2222-2222-222222222222", "Manuel", "29:manuel", "tenant");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>One process's write gate (SQLite serializes its writers in-process, as in the host).</summary>
    private readonly DatabaseWriteGate gate = new(isSqlite);

    [SkippableFact]
    public async Task TransitionAsync_FiftyConcurrentApprovalsOfOneVersion_ExactlyOneTransitionAndOneAuditEntry()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = database.ScopeFactory.CreateAsyncScope();
            return await Store(scope).TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, Manager, null, null, CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r);
        await using var check = database.ScopeFactory.CreateAsyncScope();
        var store = Store(check);
        var application = await store.FindAsync(id, CancellationToken.None);
        Assert.Equal(ExchangeStatus.Stage2, application!.Status);
        Assert.Equal(3, application.Version);
        var audit = await store.AuditAsync(id, CancellationToken.None);
        Assert.Single(audit, a => a.Action == ExchangeAction.Approved);
        Assert.Equal([1, 2, 3], audit.Select(a => a.Version));
    }

    [SkippableFact]
    public async Task TransitionAsync_StaleVersionOrWrongStatus_ChangesNothing()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);

        var staleVersion = await store.TransitionAsync(id, 1, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, Manager, null, null, CancellationToken.None);
        var wrongStatus = await store.TransitionAsync(id, 2, ExchangeStatus.Stage2, ExchangeStatus.Approved, ExchangeAction.Approved, Manager, null, null, CancellationToken.None);

        Assert.False(staleVersion);
        Assert.False(wrongStatus);
        var application = await store.FindAsync(id, CancellationToken.None);
        Assert.Equal((ExchangeStatus.Stage1, 2), (application!.Status, application.Version));
        Assert.Equal(2, (await store.AuditAsync(id, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task TransitionAsync_WithComment_RecordsWhoWhenWhatAndComment()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);

        await store.TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Rejected, ExchangeAction.Rejected, Manager, "  Dates clash with the fair. ", null, CancellationToken.None);

        var entry = (await store.AuditAsync(id, CancellationToken.None))[^1];
        Assert.Equal((Manager.AadObjectId, "Manuel", ExchangeAction.Rejected, ExchangeStatus.Stage1, ExchangeStatus.Rejected, "Dates clash with the fair."),
            (entry.ActorAadObjectId, entry.ActorName, entry.Action, entry.FromStatus, entry.ToStatus, entry.Comment));
        Assert.Equal(time.GetUtcNow(), entry.At);
    }

    [SkippableFact]
    public async Task SaveDraftAsync_VersionChangedMeanwhile_ReturnsNullAndKeepsTheOtherEdit()
    {
        SkipUnlessAvailable();
        var application = NewApplication();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        await store.CreateAsync(application, CancellationToken.None);

        var first = await store.SaveDraftAsync(Copy(application, "first edit"), 1, CancellationToken.None);
        var second = await store.SaveDraftAsync(Copy(application, "second edit from an old form"), 1, CancellationToken.None);

        Assert.Equal(2, first);
        Assert.Null(second);
        Assert.Equal("first edit", (await store.FindAsync(application.Id, CancellationToken.None))!.Objectives);
    }

    [SkippableFact]
    public async Task SaveDraftAsync_SomebodyElsesApplication_ChangesNothing()
    {
        SkipUnlessAvailable();
        var application = NewApplication();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        await store.CreateAsync(application, CancellationToken.None);
        var forged = Copy(application, "forged");
        forged.ApplicantAadObjectId = Manager.AadObjectId;

        var saved = await store.SaveDraftAsync(forged, 1, CancellationToken.None);

        Assert.Null(saved);
        Assert.Equal("", (await store.FindAsync(application.Id, CancellationToken.None))!.Objectives);
    }

    [SkippableFact]
    public async Task TryClaimReminderAsync_TwoInstancesAtOnce_ExactlyOneClaims()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        using var start = new ManualResetEventSlim();

        // Two "instances": each its own write gate and context, as two bot processes sharing the database.
        var claims = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = database.ScopeFactory.CreateAsyncScope();
            var store = new ExchangeStore(scope.ServiceProvider.GetRequiredService<BotDbContext>(), new DatabaseWriteGate(isSqlite), time);
            return await store.TryClaimReminderAsync(id, "Stage1:2", Manager.AadObjectId, CancellationToken.None);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(claims);

        Assert.Single(results, r => r);
        await using var check = database.ScopeFactory.CreateAsyncScope();
        Assert.False(await Store(check).TryClaimReminderAsync(id, "Stage1:2", Manager.AadObjectId, CancellationToken.None));
        Assert.True(await Store(check).TryClaimReminderAsync(id, "Stage1:2", Applicant.AadObjectId, CancellationToken.None));
    }

    /// <summary>
    /// The takeover of a held claim by the coordinator's Retry now: a conditional update of its time (the version read),
    /// so that of two instances taking it at once exactly one does, the claim never free in between; a claim read before
    /// it was taken over is taken by nobody.
    /// </summary>
    [SkippableFact]
    public async Task TryRenewClaimAsync_TwoInstancesAtOnce_ExactlyOneTakesItOverAndTheClaimStaysHeld()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        await using (var scope = database.ScopeFactory.CreateAsyncScope())
        {
            Assert.True(await Store(scope).TryClaimReminderAsync(id, "card:Stage1:2", Manager.AadObjectId, CancellationToken.None));
        }

        ExchangeReminder held;
        await using (var scope = database.ScopeFactory.CreateAsyncScope())
        {
            held = Assert.Single(await Store(scope).RemindersAsync(id, CancellationToken.None), r => r.Kind == "card:Stage1:2");
        }

        time.Advance(TimeSpan.FromMinutes(20));
        using var start = new ManualResetEventSlim();
        var takeovers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = database.ScopeFactory.CreateAsyncScope();
            var store = new ExchangeStore(scope.ServiceProvider.GetRequiredService<BotDbContext>(), new DatabaseWriteGate(isSqlite), time);
            return await store.TryRenewClaimAsync(id, held.Kind, held.RecipientAadObjectId, held.SentAt, CancellationToken.None);
        })).ToList();
        start.Set();

        Assert.Single(await Task.WhenAll(takeovers), r => r);
        await using var check = database.ScopeFactory.CreateAsyncScope();
        var after = Assert.Single(await Store(check).RemindersAsync(id, CancellationToken.None), r => r.Kind == "card:Stage1:2");
        Assert.Equal(time.GetUtcNow(), after.SentAt);
        Assert.False(await Store(check).TryClaimReminderAsync(id, "card:Stage1:2", Manager.AadObjectId, CancellationToken.None));
        Assert.False(await Store(check).TryRenewClaimAsync(id, held.Kind, held.RecipientAadObjectId, held.SentAt, CancellationToken.None));
    }

    /// <summary>A card accepted without an id is recorded with one of its own (two of them in one chat both kept), and can be forgotten.</summary>
    [SkippableFact]
    public async Task AddCardAsync_TwoCardsWithoutIdInOneChat_BothRecordedAndOneRemoved()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);

        await store.AddCardAsync(id, Manager.AadObjectId, "a:chat", ExchangeCardReference.ActivityIdOrNone(null), CancellationToken.None);
        await store.AddCardAsync(id, Manager.AadObjectId, "a:chat", ExchangeCardReference.ActivityIdOrNone(""), CancellationToken.None);
        var cards = await store.CardsAsync(id, CancellationToken.None);
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.False(c.IsUpdatable));
        await store.RemoveCardAsync(cards[0].Id, CancellationToken.None);

        Assert.Equal([cards[1].Id], (await store.CardsAsync(id, CancellationToken.None)).Select(c => c.Id));
    }

    /// <summary>
    /// Before: the same card (chat, activity id) recorded again kept its first time, so a card that arrived at a later
    /// send — the connector giving the activity id it had given before — looked older than its claim and was listed as
    /// "may not have arrived". Now it takes the later time, once, and never goes back to an earlier one.
    /// </summary>
    [SkippableFact]
    public async Task AddCardAsync_SameCardRecordedAgainLater_TakesTheLaterTimeOnce()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        var first = time.GetUtcNow();
        await store.AddCardAsync(id, Manager.AadObjectId, "a:chat", "activity-1", CancellationToken.None);

        time.Advance(TimeSpan.FromHours(1));
        await store.AddCardAsync(id, Manager.AadObjectId, "a:chat", "activity-1", CancellationToken.None);
        var later = Assert.Single(await store.CardsAsync(id, CancellationToken.None), c => c.ActivityId == "activity-1");

        Assert.Equal(first + TimeSpan.FromHours(1), later.SentAt);
        Assert.Equal(Manager.AadObjectId, later.RecipientAadObjectId);
    }

    [SkippableFact]
    public async Task HasCountingApplicationAsync_WithdrawnRejectedAndDrafts_DoNotCount()
    {
        SkipUnlessAvailable();
        var visiting = $"org-{Guid.NewGuid():N}";
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        foreach (var status in new[] { ExchangeStatus.Withdrawn, ExchangeStatus.Rejected, ExchangeStatus.Draft })
        {
            var id = await CreateSubmittedAsync(visiting);
            if (status != ExchangeStatus.Draft)
            {
                Assert.True(await store.TransitionAsync(id, 2, ExchangeStatus.Stage1, status, ExchangeAction.Withdrawn, Applicant, null, null, CancellationToken.None));
            }
            else
            {
                await store.CreateAsync(NewApplication(visiting), CancellationToken.None);
                Assert.True(await store.TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Withdrawn, ExchangeAction.Withdrawn, Applicant, null, null, CancellationToken.None));
            }
        }

        Assert.False(await store.HasCountingApplicationAsync(visiting, Guid.Empty, Applicant.AadObjectId, CancellationToken.None));
        var counting = await CreateSubmittedAsync(visiting);
        Assert.True(await store.HasCountingApplicationAsync(visiting, Guid.Empty, Applicant.AadObjectId, CancellationToken.None));
        Assert.False(await store.HasCountingApplicationAsync(visiting, counting, Applicant.AadObjectId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task TransitionAsync_SecondStage1ApprovalForTheSameOrganisation_RefusedInTheSameStatement()
    {
        SkipUnlessAvailable();
        var visiting = $"org-{Guid.NewGuid():N}";
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        var first = await CreateSubmittedAsync(visiting);
        var second = await CreateSubmittedAsync(visiting, new ExchangeActor("33333333-3333-3333-3333-333333333333", "Bruno", "29:bruno", "tenant"));

        // Both passed the workflow's check before either was written (two managers at once): the store decides.
        var firstApproved = await store.TransitionAsync(first, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, Applicant, null, null, CancellationToken.None);
        var secondApproved = await store.TransitionAsync(second, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, Applicant, null, null, CancellationToken.None);
        var secondRejected = await store.TransitionAsync(second, 2, ExchangeStatus.Stage1, ExchangeStatus.Rejected, ExchangeAction.Rejected, Applicant, "No.", null, CancellationToken.None);

        Assert.True(firstApproved);
        Assert.False(secondApproved);
        Assert.True(secondRejected);
        Assert.Equal(ExchangeStatus.Rejected, (await store.FindAsync(second, CancellationToken.None))!.Status);
    }

    [SkippableFact]
    public async Task TransitionAsync_SubmitWhileTheSameApplicantsOtherApplicationIsPending_RefusedInTheSameStatementNothingWritten()
    {
        // Both drafts passed the workflow's check before either was written (two forms, two devices): the store decides.
        SkipUnlessAvailable();
        var visiting = $"org-{Guid.NewGuid():N}";
        const string Colleague = "44444444-4444-4444-4444-444444444444";
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        var first = NewApplication(visiting);
        var second = NewApplication(visiting);
        var colleagues = NewApplication(visiting, new ExchangeActor(Colleague, "Bruno", "29:bruno", "tenant"));
        var elsewhere = NewApplication($"org-{Guid.NewGuid():N}");
        foreach (var application in new[] { first, second, colleagues, elsewhere })
        {
            await store.CreateAsync(application, CancellationToken.None);
        }

        var firstSubmitted = await store.TransitionAsync(first.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None);
        var secondSubmitted = await store.TransitionAsync(second.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None);
        var colleaguesSubmitted = await store.TransitionAsync(colleagues.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None);
        var elsewhereSubmitted = await store.TransitionAsync(elsewhere.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None);

        Assert.True(firstSubmitted);
        Assert.False(secondSubmitted);
        Assert.True(colleaguesSubmitted);  // someone else's pending application blocks nobody
        Assert.True(elsewhereSubmitted);
        Assert.Equal((ExchangeStatus.Draft, 1), ((await store.FindAsync(second.Id, CancellationToken.None))!.Status, (await store.FindAsync(second.Id, CancellationToken.None))!.Version));
        Assert.Equal([ExchangeAction.Created], (await store.AuditAsync(second.Id, CancellationToken.None)).Select(a => a.Action));

        // Once the first is withdrawn, the second may be submitted.
        Assert.True(await store.TransitionAsync(first.Id, 2, ExchangeStatus.Stage1, ExchangeStatus.Withdrawn, ExchangeAction.Withdrawn, Applicant, null, null, CancellationToken.None));
        Assert.True(await store.TransitionAsync(second.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, Applicant, null, null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task HasCountingApplicationAsync_AnotherPersonsPendingApplication_CountsOnlyOnceItsClusterValidatedIt()
    {
        SkipUnlessAvailable();
        var visiting = $"org-{Guid.NewGuid():N}";
        const string Colleague = "22222222-2222-2222-2222-222222222222";
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        var pending = await CreateSubmittedAsync(visiting);

        var beforeValidation = await store.HasCountingApplicationAsync(visiting, Guid.Empty, Colleague, CancellationToken.None);
        var validatedBefore = await store.HasValidatedApplicationAsync(visiting, Guid.Empty, CancellationToken.None);
        Assert.True(await store.TransitionAsync(pending, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, Applicant, null, null, CancellationToken.None));
        var afterValidation = await store.HasCountingApplicationAsync(visiting, Guid.Empty, Colleague, CancellationToken.None);

        Assert.False(beforeValidation);
        Assert.False(validatedBefore);
        Assert.True(afterValidation);
        Assert.True(await store.HasValidatedApplicationAsync(visiting, Guid.Empty, CancellationToken.None));
        Assert.False(await store.HasValidatedApplicationAsync(visiting, pending, CancellationToken.None));
    }

    /// <summary>
    /// Before: the notices of a transition were owed only in the memory of the turn that made it, so a turn aborted after
    /// the commit left no trace of them. Now the transition's own transaction records them as owed
    /// (<see cref="ExchangeDeliveryClaim.NoticesDue(ExchangeStatus, int)"/>), which the follow-up finds; a transition
    /// that loses writes nothing.
    /// </summary>
    [SkippableFact]
    public async Task Transition_RecordsItsNoticesAsOwedInTheSameCommit_ALostTransitionNone()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);

        Assert.True(await store.TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Rejected, ExchangeAction.Rejected, Manager, "No.", null, CancellationToken.None));
        Assert.False(await store.TransitionAsync(id, 2, ExchangeStatus.Stage1, ExchangeStatus.Stage2, ExchangeAction.Approved, Manager, null, null, CancellationToken.None));

        var due = Assert.Single(await store.RemindersAsync(id, CancellationToken.None), r => r.Kind.StartsWith(ExchangeDeliveryClaim.NoticesDuePrefix, StringComparison.Ordinal));
        Assert.Equal((ExchangeDeliveryClaim.NoticesDue(ExchangeStatus.Rejected, 3), Manager.AadObjectId), (due.Kind, due.RecipientAadObjectId));
        Assert.Contains(await store.WithUndeliveredNoticesAsync(CancellationToken.None), a => a.Id == id);
    }

    [SkippableFact]
    public async Task NoticeRecords_FailedSettledForgottenAndFound_EachQuerySeesWhatItShould()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        var other = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        var application = (await store.FindAsync(id, CancellationToken.None))!;
        var notice = ExchangeDeliveryClaim.StatusNotice(application);
        var withdrawn = ExchangeDeliveryClaim.WithdrawnNotice(application);
        var formKind = ExchangeSavedForms.Kind(Guid.NewGuid().ToString("N"));

        // A failed status notice and a failed withdrawal notice (two recipients), a record of the card a form saved.
        Assert.True(await store.TryClaimReminderAsync(id, notice.FailedPrefix + "1", Applicant.AadObjectId, CancellationToken.None));
        Assert.True(await store.TryClaimReminderAsync(id, withdrawn.UnreachableKind, Manager.AadObjectId, CancellationToken.None));
        Assert.True(await store.TryClaimReminderAsync(id, withdrawn.FailedPrefix + "1", "33333333-3333-3333-3333-333333333333", CancellationToken.None));
        Assert.True(await store.TryClaimReminderAsync(other, formKind, Applicant.AadObjectId, CancellationToken.None));
        var undelivered = await store.WithUndeliveredNoticesAsync(CancellationToken.None);
        var found = await store.FindRecordAsync(formKind, Applicant.AadObjectId, CancellationToken.None);
        var notFoundForSomebodyElse = await store.FindRecordAsync(formKind, Manager.AadObjectId, CancellationToken.None);

        // Forgotten for one recipient only (idempotent), then settled.
        var forgotten = await store.ForgetRemindersAsync(id, [withdrawn.FailedPrefix, withdrawn.UnreachableKind], Manager.AadObjectId, CancellationToken.None);
        var again = await store.ForgetRemindersAsync(id, [withdrawn.FailedPrefix, withdrawn.UnreachableKind], Manager.AadObjectId, CancellationToken.None);
        Assert.True(await store.TryClaimReminderAsync(id, notice.GaveUpKind, Applicant.AadObjectId, CancellationToken.None));
        var givenUp = await store.WithRecordAsync(ExchangeDeliveryClaim.GaveUpPrefix, CancellationToken.None);
        Assert.True(await store.TryClaimReminderAsync(id, ExchangeDeliveryClaim.SettledKind, Applicant.AadObjectId, CancellationToken.None));
        var afterSettled = await store.WithUndeliveredNoticesAsync(CancellationToken.None);

        Assert.Contains(undelivered, a => a.Id == id);
        Assert.DoesNotContain(undelivered, a => a.Id == other);
        Assert.Equal(other, found?.ExchangeId);
        Assert.Null(notFoundForSomebodyElse);
        Assert.Equal(1, forgotten);
        Assert.Equal(0, again);
        Assert.Equal(["33333333-3333-3333-3333-333333333333"], withdrawn.FailedRecipients(await store.RemindersAsync(id, CancellationToken.None)));
        Assert.Contains(givenUp, a => a.Id == id);
        Assert.DoesNotContain(givenUp, a => a.Id == other);
        Assert.DoesNotContain(afterSettled, a => a.Id == id);
    }

    [SkippableFact]
    public async Task ForgetReminders_WholeKindOfVersion2_LeavesVersion20AndTakesItsOwnContinuations()
    {
        SkipUnlessAvailable();
        var id = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        var application = (await store.FindAsync(id, CancellationToken.None))!;
        var version2 = ExchangeDeliveryClaim.Reminder(WithVersion(application, 2));
        var version20 = ExchangeDeliveryClaim.Reminder(WithVersion(application, 20));
        foreach (var kind in new[] { version2.UnreachableKind, version2.Kind, version2.FailedPrefix + "1", version20.UnreachableKind, version20.Kind, version20.FailedPrefix + "1" })
        {
            Assert.True(await store.TryClaimReminderAsync(id, kind, Manager.AadObjectId, CancellationToken.None));
        }

        var removed = await store.ForgetRemindersAsync(id, [version2.UnreachableKind, version2.Kind, version2.FailedPrefix], null, CancellationToken.None);

        Assert.Equal(3, removed);
        var left = (await store.RemindersAsync(id, CancellationToken.None)).Select(r => r.Kind).ToHashSet();
        Assert.Equal(new HashSet<string> { version20.UnreachableKind, version20.Kind, version20.FailedPrefix + "1" }, left);
    }

    [SkippableFact]
    public async Task ApplicantLookUps_IdStoredInUpperCaseAskedInLowerCase_FindTheirApplicationsAndOnlyTheirs()
    {
        // An Entra object id is a GUID: stored as one Teams client wrote it, asked as another writes it, it is the same
        // person — who was shown the application (the views ignore case) and must find it in every look-up.
        SkipUnlessAvailable();
        var stored = new ExchangeActor(("ABCDEF00" + Guid.NewGuid().ToString("D")[8..]).ToUpperInvariant(), "Ana", "29:ana", "tenant");
        var asked = stored.AadObjectId.ToLowerInvariant();
        var visiting = $"org-{Guid.NewGuid():N}";
        var submitted = await CreateSubmittedAsync(visiting, stored);
        var draft = NewApplication(visiting, stored);
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        await store.CreateAsync(draft, CancellationToken.None);

        var listed = await store.ListForApplicantAsync(asked, CancellationToken.None);
        var counting = await store.HasCountingApplicationAsync(visiting, draft.Id, asked, CancellationToken.None);
        var edited = Copy(draft, "edited");
        edited.ApplicantAadObjectId = asked;
        var saved = await store.SaveDraftAsync(edited, 1, CancellationToken.None);
        var awaitsNotices = await new ExchangePersonalRecords(scope.ServiceProvider.GetRequiredService<BotDbContext>())
            .AwaitNoticesAsync(asked, "29:ana", CancellationToken.None);

        Assert.Equal(new HashSet<Guid> { submitted, draft.Id }, listed.Select(a => a.Id).ToHashSet());
        Assert.True(counting);
        Assert.Equal(2, saved);
        Assert.Equal("edited", (await store.FindAsync(draft.Id, CancellationToken.None))!.Objectives);
        Assert.True(awaitsNotices);
        Assert.Empty(await store.ListForApplicantAsync(Guid.NewGuid().ToString("D"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task FollowUpRecords_RecipientHeldInAnotherCase_ClaimedTakenRenewedReleasedForgottenAndFoundAsTheSamePerson()
    {
        // The records of one person written while the directory or the configuration spelled their id in upper case, looked
        // up as it spells it now (lower case): before, "=" told the two apart — a second card claimed, Retry now forgetting
        // nothing (the card never sent again), a claim never given back.
        SkipUnlessAvailable();
        var upper = ("ABCDEF00" + Guid.NewGuid().ToString("D")[8..]).ToUpperInvariant();
        var lower = upper.ToLowerInvariant();
        var id = await CreateSubmittedAsync();
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        foreach (var kind in new[] { "card:Stage1:2", "onwire:card:Stage1:2", "cardrefused:Stage1:2:1", "form:f1" })
        {
            Assert.True(await store.TryClaimReminderAsync(id, kind, upper, CancellationToken.None));
        }

        var claimedAgain = await store.TryClaimReminderAsync(id, "card:Stage1:2", lower, CancellationToken.None);
        var held = Assert.Single(await store.RemindersAsync(id, CancellationToken.None), r => r.Kind == "card:Stage1:2");
        time.Advance(TimeSpan.FromMinutes(20));
        var renewed = await store.TryRenewClaimAsync(id, held.Kind, lower, held.SentAt, CancellationToken.None);
        var taken = await store.TryTakeRecordAsync(id, "onwire:card:Stage1:2", lower, CancellationToken.None);
        var takenTwice = await store.TryTakeRecordAsync(id, "onwire:card:Stage1:2", lower, CancellationToken.None);
        var forgotten = await store.ForgetRemindersAsync(id, ["cardrefused:Stage1:2:"], lower, CancellationToken.None);
        var found = await store.FindRecordAsync("form:f1", lower, CancellationToken.None);
        var notFoundForSomebodyElse = await store.FindRecordAsync("form:f1", Manager.AadObjectId, CancellationToken.None);
        await store.ReleaseReminderAsync(id, "card:Stage1:2", lower, CancellationToken.None);
        var claimedAfterRelease = await store.TryClaimReminderAsync(id, "card:Stage1:2", lower, CancellationToken.None);

        Assert.False(claimedAgain);
        Assert.True(renewed);
        Assert.True(taken);
        Assert.False(takenTwice);
        Assert.Equal(1, forgotten);
        Assert.Equal(upper, found?.RecipientAadObjectId);
        Assert.Null(notFoundForSomebodyElse);
        Assert.True(claimedAfterRelease);
        var left = await store.RemindersAsync(id, CancellationToken.None);
        Assert.Equal(new HashSet<(string, string)> { ("card:Stage1:2", lower), ("form:f1", upper) },
            left.Where(r => r.Kind is "card:Stage1:2" or "onwire:card:Stage1:2" or "cardrefused:Stage1:2:1" or "form:f1").Select(r => (r.Kind, r.RecipientAadObjectId)).ToHashSet());
    }

    [SkippableFact]
    public async Task TransitionAsync_SubmitWhileOwnApplicationStoredInAnotherCaseIsPending_Refused()
    {
        // The same person's two drafts of one organisation, one stored with the id in upper case: one visit, one submitted.
        SkipUnlessAvailable();
        var upper = new ExchangeActor(("ABCDEF00" + Guid.NewGuid().ToString("D")[8..]).ToUpperInvariant(), "Ana", "29:ana", "tenant");
        var lower = upper with { AadObjectId = upper.AadObjectId.ToLowerInvariant() };
        var visiting = $"org-{Guid.NewGuid():N}";
        await CreateSubmittedAsync(visiting, upper);
        var second = NewApplication(visiting, lower);
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        await store.CreateAsync(second, CancellationToken.None);

        var submitted = await store.TransitionAsync(second.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, lower, null, null, CancellationToken.None);

        Assert.False(submitted);
        Assert.Equal(ExchangeStatus.Draft, (await store.FindAsync(second.Id, CancellationToken.None))!.Status);
    }

    private static ExchangeApplication WithVersion(ExchangeApplication application, int version)
    {
        var copy = NewApplication();
        copy.Id = application.Id;
        copy.Status = application.Status;
        copy.Version = version;
        return copy;
    }

    private ExchangeStore Store(AsyncServiceScope scope) => new(scope.ServiceProvider.GetRequiredService<BotDbContext>(), gate, time);

    private async Task<Guid> CreateSubmittedAsync(string? visiting = null, ExchangeActor? applicant = null)
    {
        applicant ??= Applicant;
        await using var scope = database.ScopeFactory.CreateAsyncScope();
        var store = Store(scope);
        // Each its own organisation unless a test shares one: one applicant submits one application per organisation.
        var application = NewApplication(visiting ?? $"org-{Guid.NewGuid():N}", applicant);
        await store.CreateAsync(application, CancellationToken.None);
        Assert.True(await store.TransitionAsync(application.Id, 1, ExchangeStatus.Draft, ExchangeStatus.Stage1, ExchangeAction.Submitted, applicant, null, null, CancellationToken.None));

        // As the submitting turn does once it has sent the cards: its notices no longer owed (ExchangeDeliveryClaim.NoticesDue).
        await store.ForgetRemindersAsync(application.Id, [ExchangeDeliveryClaim.NoticesDuePrefix], null, CancellationToken.None);
        return application.Id;
    }

    private static ExchangeApplication NewApplication(string? visiting = null, ExchangeActor? applicant = null) => new()
    {
        Id = Guid.NewGuid(),
        VisitingOrganisationId = visiting ?? "hitechtex-citeve",
        HostOrganisationId = "hitechtex-clutex",
        ApplicantAadObjectId = (applicant ?? Applicant).AadObjectId,
        ApplicantName = (applicant ?? Applicant).Name,
        TenantId = (applicant ?? Applicant).TenantId,
        StartDate = new DateOnly(2027, 3, 1),
        EndDate = new DateOnly(2027, 3, 5),
        ActivityType = ExchangeActivityType.KnowledgeSharing,
    };

    private static ExchangeApplication Copy(ExchangeApplication application, string objectives) => new()
    {
        Id = application.Id,
        VisitingOrganisationId = application.VisitingOrganisationId,
        HostOrganisationId = application.HostOrganisationId,
        ApplicantAadObjectId = application.ApplicantAadObjectId,
        StartDate = application.StartDate,
        EndDate = application.EndDate,
        ActivityType = application.ActivityType,
        Objectives = objectives,
    };

    private void SkipUnlessAvailable() => Skip.If(database.SkipReason is not null, database.SkipReason);
}
