using HiTechTex.Bot.Protocol.Dialogs;
using HiTechTex.Bot.Protocol.Turns;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

/// <summary>
/// A root with the profile two levels down: root component → its waterfall → <see cref="ProfileDialog"/>
/// (a component) → its waterfall → a prompt. The root is interruptible, or — with
/// <paramref name="interruptibleInner"/> — only the inner profile component is.
/// </summary>
internal static class MainDialog
{
    public static Dialog Create(bool interruptibleInner = false)
    {
        ComponentDialog root = interruptibleInner ? new ComponentDialog("main") : new InterruptibleComponentDialog("main");
        root.AddDialog(new WaterfallDialog("main.steps",
        [
            (step, ct) => step.BeginDialogAsync("profile", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Profile saved: {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]));
        root.AddDialog(interruptibleInner ? new InterruptibleProfileDialog() : new ProfileDialog());
        return root;
    }

    /// <summary>The same questions as <see cref="ProfileDialog"/>, in an interruptible component.</summary>
    private sealed class InterruptibleProfileDialog : InterruptibleComponentDialog
    {
        public InterruptibleProfileDialog()
            : base("profile")
        {
            var inner = new ProfileDialog("profile.inner");
            AddDialog(inner);
        }
    }
}
