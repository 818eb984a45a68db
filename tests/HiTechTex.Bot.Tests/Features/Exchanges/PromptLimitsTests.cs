using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Dialogs.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Exchanges;

/// <summary>
/// Every prompt the product builds (the main dialog's and every journey's, as the DI container makes them) stops after
/// a maximum of answers: a question never asks for ever. Only a card form waits without one (its card keeps what was
/// typed). The options each step passes (retry, a maximum of its own, what is said when it gives up) are covered turn
/// by turn in the dialogs' tests.
/// </summary>
public sealed class PromptLimitsTests : IDisposable
{
    private readonly ExchangeDialogTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public void EveryQuestionOfTheProduct_HasAMaximumOfAttempts()
    {
        using var scope = host.Conversation.Services.CreateScope();
        var main = scope.ServiceProvider.GetRequiredService<MainDialog>();

        var prompts = Walk(main).Where(d => IsPrompt(d.GetType())).ToList();

        // Not an empty walk: the questions known to have been without a maximum are among them.
        Assert.Contains(prompts, p => p.Id == "main.leave.confirm");
        Assert.Contains(prompts, p => p.Id == "profile.delete.confirm");
        Assert.Contains(prompts, p => p.Id == "exchange.stepByStep.finish");
        Assert.All(prompts.Where(p => p is not CardFormPrompt), prompt =>
        {
            var max = (int?)prompt.GetType().GetProperty(nameof(TextPrompt.DefaultMaxAttempts))!.GetValue(prompt);
            Assert.True(max is > 0 and <= 5, $"{prompt.Id} ({prompt.GetType().Name}) has no maximum of attempts");
        });
    }

    private static bool IsPrompt(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Prompt<>))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Dialog> Walk(Dialog dialog)
    {
        var seen = new HashSet<Dialog>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<Dialog>([dialog]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            yield return next;
            if (next is ComponentDialog component)
            {
                foreach (var child in component.Dialogs.GetDialogs())
                {
                    pending.Push(child);
                }
            }
        }
    }
}
