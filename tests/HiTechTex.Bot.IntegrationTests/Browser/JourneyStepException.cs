namespace HiTechTex.Bot.IntegrationTests.Browser;

/// <summary>A browser journey step failed; the message names the step, the screenshot and what was on screen.</summary>
public sealed class JourneyStepException(string message, Exception inner) : Exception(message, inner);
