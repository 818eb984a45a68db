namespace HiTechTex.Bot.Language;

/// <summary>Azure OpenAI settings (section <c>AzureOpenAI</c>). Used only when endpoint, deployment and key are all set.</summary>
public sealed class AzureOpenAIOptions
{
    public const string SectionName = "AzureOpenAI";

    /// <summary>The resource endpoint, e.g. <c>https://my-resource.openai.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model deployment name.</summary>
    public string? Deployment { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Upper bound for the whole call, retries included; past it the local recognizer answers.</summary>
    public int TimeoutSeconds { get; set; } = 5;

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment) && !string.IsNullOrWhiteSpace(ApiKey);
}
