using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HiTechTex.Bot.Hosting.Pages;

/// <summary>
/// The <c>Privacy</c> section: who runs this deployment of the bot and how to reach them, shown on the privacy notice
/// and the terms of use (<see cref="InformationPages"/>) that the Teams app manifest links to.
/// </summary>
internal sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>Who operates this deployment and decides what its data is for (the data controller).</summary>
    public string Operator { get; set; } = "Hi-Tech-TEX";

    /// <summary>The address for questions and requests about personal data; empty: the notice names the programme office.</summary>
    public string ContactEmail { get; set; } = "";
}

/// <summary>Refuses an empty or very long operator name and a contact that is not a plain e-mail address.</summary>
internal sealed partial class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.Operator) || options.Operator.Length > 200)
        {
            failures.Add("Privacy:Operator must name who operates the bot (1 to 200 characters).");
        }

        if (!string.IsNullOrEmpty(options.ContactEmail) && !IsPlainAddress(options.ContactEmail))
        {
            failures.Add($"Privacy:ContactEmail must be an e-mail address such as privacy@example.org; it is '{options.ContactEmail}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A plain address, nothing a mailto: link would read as more ("Name <a@b>", "?subject=", "javascript:").
    private static bool IsPlainAddress(string value) => value.Length <= 254 && PlainAddress().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex PlainAddress();
}
