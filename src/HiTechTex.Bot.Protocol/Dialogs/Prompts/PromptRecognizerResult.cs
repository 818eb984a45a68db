namespace HiTechTex.Bot.Protocol.Dialogs.Prompts;

/// <summary>What a prompt understood from the user's activity.</summary>
public sealed class PromptRecognizerResult<T>
{
    public bool Succeeded { get; init; }

    public T? Value { get; init; }

    /// <summary>Why recognition failed, when the prompt can tell the user (e.g. missing form fields).</summary>
    public string? Reason { get; init; }

    public static PromptRecognizerResult<T> Success(T value) => new() { Succeeded = true, Value = value };

    public static PromptRecognizerResult<T> Failure(string? reason = null) => new() { Reason = reason };
}
