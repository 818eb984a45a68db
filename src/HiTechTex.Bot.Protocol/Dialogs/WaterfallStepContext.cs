using HiTechTex.Bot.Protocol.Dialogs.Prompts;

namespace HiTechTex.Bot.Protocol.Dialogs;

/// <summary>The context of one waterfall step: the stack operations plus the step's inputs.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog parent;
    private bool nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, new DialogState(dc.Stack), dc.Parent)
    {
        this.parent = parent;
        Index = index;
        Reason = reason;
        Result = result;
        var state = dc.ActiveDialog!.State;
        Options = state.GetValueOrDefault(WaterfallDialog.OptionsKey);
        var values = DialogStateValues.GetLive<Dictionary<string, object?>>(state, WaterfallDialog.ValuesKey);
        if (values is null)
        {
            values = new Dictionary<string, object?>(StringComparer.Ordinal);
            state[WaterfallDialog.ValuesKey] = values;
        }

        Values = values;
    }

    /// <summary>The zero-based index of this step.</summary>
    public int Index { get; }

    /// <summary>Why this step runs (begin, a child ended, next called, …).</summary>
    public DialogReason Reason { get; }

    /// <summary>The result of the previous step's prompt or child dialog, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>The options the waterfall was begun with (a <see cref="System.Text.Json.JsonElement"/> after a reload; see <see cref="GetOptions{T}"/>).</summary>
    public object? Options { get; }

    /// <summary>Values kept across the steps; persisted with the dialog. Read them back with <see cref="GetValue{T}"/>.</summary>
    public IDictionary<string, object?> Values { get; }

    /// <summary>True when the previous step's prompt gave up after its <see cref="PromptOptions.MaxAttempts"/>.</summary>
    public bool PromptAttemptsExceeded => Result is PromptAttemptsExceeded;

    /// <summary>Typed read of <see cref="Values"/>.</summary>
    public T? GetValue<T>(string key) => Values.GetValue<T>(key);

    /// <summary>Typed read of <see cref="Options"/>.</summary>
    public T? GetOptions<T>() => DialogStateValues.Convert<T>(Options);

    /// <summary>Skips to the next step with <paramref name="result"/>. May be called once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{parent.Id}'.");
        }

        nextCalled = true;
        return parent.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
