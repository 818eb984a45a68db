using HiTechTex.Bot.Protocol.Schema;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Testing.Dialogs;

/// <summary>
/// A scripted conversation: <c>new TestFlow(adapter).Send("hi").AssertReply("What's your name?").Send("Ana")…
/// .StartTestAsync()</c>. Steps run in order when started; each <c>Send</c> is one complete turn, so there is
/// nothing to wait for.
/// </summary>
public sealed class TestFlow
{
    private readonly List<Func<CancellationToken, Task>> steps = [];

    public TestFlow(TestAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        Adapter = adapter;
    }

    public TestFlow(Func<ITurnContext, CancellationToken, Task> logic)
        : this(new TestAdapter(logic))
    {
    }

    public TestAdapter Adapter { get; }

    /// <summary>Sends a user message.</summary>
    public TestFlow Send(string text) => Send(() => Adapter.MakeMessage(text));

    /// <summary>Sends an activity (created when the step runs).</summary>
    public TestFlow Send(Func<Activity> createActivity)
    {
        steps.Add(async ct => await Adapter.ProcessActivityAsync(createActivity(), ct).ConfigureAwait(false));
        return this;
    }

    /// <summary>Sends an activity.</summary>
    public TestFlow Send(Activity activity) => Send(() => activity);

    /// <summary>The next reply has exactly this text.</summary>
    public TestFlow AssertReply(string expectedText) => AssertReply(
        reply =>
        {
            if (!string.Equals(reply.Text, expectedText, StringComparison.Ordinal))
            {
                throw new TestFlowException($"Expected reply \"{expectedText}\" but got \"{reply.Text}\".");
            }
        },
        $"\"{expectedText}\"");

    /// <summary>The next reply's text contains <paramref name="fragment"/>.</summary>
    public TestFlow AssertReplyContains(string fragment) => AssertReply(
        reply =>
        {
            if (reply.Text is null || !reply.Text.Contains(fragment, StringComparison.Ordinal))
            {
                throw new TestFlowException($"Expected a reply containing \"{fragment}\" but got \"{reply.Text}\".");
            }
        },
        $"containing \"{fragment}\"");

    /// <summary>The next reply passes <paramref name="validate"/> (which throws to fail).</summary>
    public TestFlow AssertReply(Action<Activity> validate, string description = "a reply")
    {
        steps.Add(_ =>
        {
            if (!Adapter.Replies.TryDequeue(out var reply))
            {
                throw new TestFlowException($"Expected {description} but the bot sent nothing more.");
            }

            validate(reply);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>No reply is left unchecked.</summary>
    public TestFlow AssertNoReply()
    {
        steps.Add(_ =>
        {
            if (Adapter.Replies.TryDequeue(out var reply))
            {
                throw new TestFlowException($"Expected no reply but got \"{reply.Text}\" ({reply.Attachments?.Count ?? 0} attachments).");
            }

            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Checks the invoke response of the last turn.</summary>
    public TestFlow AssertInvokeResponse(Action<InvokeResponse?> validate)
    {
        steps.Add(_ =>
        {
            validate(Adapter.LastTurn?.InvokeResponse);
            return Task.CompletedTask;
        });
        return this;
    }

    /// <summary>Runs arbitrary code between turns (e.g. to inspect storage).</summary>
    public TestFlow Do(Func<Task> action)
    {
        steps.Add(_ => action());
        return this;
    }

    /// <summary>Runs the script.</summary>
    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in steps)
        {
            await step(cancellationToken).ConfigureAwait(false);
        }
    }
}
