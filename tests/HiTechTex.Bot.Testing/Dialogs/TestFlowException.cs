namespace HiTechTex.Bot.Testing.Dialogs;

/// <summary>A <see cref="TestFlow"/> expectation was not met (fails the test whatever the test framework).</summary>
public sealed class TestFlowException(string message) : Exception(message);
