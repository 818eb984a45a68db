using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Features.Conversation;

/// <summary>The main conversation's settings (section <c>Conversation</c>).</summary>
internal sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>
    /// How long an unfinished dialog (a question or a form waiting for its answer) is kept without any activity from
    /// its user. After that, the user's next message starts afresh instead of answering a question from weeks ago.
    /// <see cref="TimeSpan.Zero"/> keeps unfinished dialogs forever.
    /// </summary>
    public TimeSpan DialogExpiry { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Refuses a negative expiry, or one under an hour (a form takes a while to fill in).</summary>
internal sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options) =>
        options.DialogExpiry == TimeSpan.Zero || options.DialogExpiry >= TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Conversation:DialogExpiry must be 0 (never) or at least 01:00:00; it is {options.DialogExpiry}.");
}
