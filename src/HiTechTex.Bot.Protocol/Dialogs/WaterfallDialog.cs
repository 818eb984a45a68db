using HiTechTex.Bot.Protocol.Schema;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>
/// A fixed sequence of steps. Each step usually prompts and returns <see cref="Dialog.EndOfTurn"/>; the prompt's
/// result arrives in the next step's <see cref="WaterfallStepContext.Result"/>. The index of the current step is
/// persisted in the instance state, so steps may only be appended in a redeploy, never removed or reordered.
/// </summary>
public class WaterfallDialog : Dialog
{
    internal const string StepIndexKey = "stepIndex";
    internal const string OptionsKey = "options";
    internal const string ValuesKey = "values";

    private readonly List<WaterfallStep> steps;

    public WaterfallDialog(string id, IEnumerable<WaterfallStep>? steps = null)
        : base(id) => this.steps = steps?.ToList() ?? [];

    public IReadOnlyList<WaterfallStep> Steps => steps;

    /// <summary>
    /// The values a waterfall on a stack keeps (its steps' <see cref="WaterfallStepContext.Values"/>), read without
    /// running a step: for a parent that answers a turn in the waiting waterfall's place. Empty when it keeps none.
    /// </summary>
    public static IDictionary<string, object?> ValuesOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return DialogStateValues.GetLive<Dictionary<string, object?>>(instance.State, ValuesKey)
            ?? new Dictionary<string, object?>(StringComparer.Ordinal);
    }

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        steps.Add(step);
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>(StringComparer.Ordinal);
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // A waterfall without a child prompt only reacts to messages (as in the Bot Framework).
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = GetStoredStepIndex(dc.ActiveDialog!);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step; override to wrap every step (logging, telemetry).</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken) =>
        steps[stepContext.Index](stepContext, cancellationToken);

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = index;
        var stepContext = new WaterfallStepContext(this, dc, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);
    }

    private int GetStoredStepIndex(DialogInstance instance)
    {
        // A stored index outside the steps means the stack was written by a build with more steps.
        if (!instance.State.TryGetValue(StepIndexKey, out var raw) || raw is null)
        {
            throw new DialogStateMismatchException(Id, "no step index");
        }

        int index;
        try
        {
            index = DialogStateValues.Convert<int>(raw);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new DialogStateMismatchException(Id, "unreadable step index");
        }

        if (index < 0 || index >= steps.Count)
        {
            throw new DialogStateMismatchException(Id, $"step index {index} outside {steps.Count} steps");
        }

        return index;
    }
}
