using HiTechTex.Bot.Protocol.Dialogs;

namespace HiTechTex.Bot.Protocol.Tests.Dialogs;

public sealed class DialogSetDeferredTests
{
    private sealed class Named(string id) : Dialog(id)
    {
        public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default) =>
            dc.EndDialogAsync(null, cancellationToken);
    }

    [Fact]
    public void Find_IdAddedEagerly_DoesNotBuildTheDeferredDialogs()
    {
        var built = 0;
        var set = new DialogSet().Add(new Named("eager")).AddDeferred(() => { built++; return [new Named("lazy")]; });

        Assert.NotNull(set.Find("eager"));

        Assert.Equal(0, built);
    }

    [Fact]
    public void Find_DeferredId_BuildsThemOnceAndFindsIt()
    {
        var built = 0;
        var set = new DialogSet().Add(new Named("eager")).AddDeferred(() => { built++; return [new Named("lazy"), new Named("other")]; });

        var first = set.Find("lazy");
        var second = set.Find("other");
        var missing = set.Find("nowhere");

        Assert.Equal("lazy", first?.Id);
        Assert.Equal("other", second?.Id);
        Assert.Null(missing);
        Assert.Equal(1, built);
    }

    [Fact]
    public void GetDialogs_WithDeferredDialogs_ListsAll()
    {
        var set = new DialogSet().Add(new Named("eager")).AddDeferred(() => [new Named("lazy")]);

        Assert.Equal(["eager", "lazy"], set.GetDialogs().Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_DeferredIdCollidesWithAnAddedOne_Throws()
    {
        var set = new DialogSet().Add(new Named("same")).AddDeferred(() => [new Named("same")]);

        Assert.Throws<ArgumentException>(() => set.Find("unknown"));
    }
}
