using HiTechTex.Bot.Features.Conversation;

namespace HiTechTex.Bot.Tests.Features.Conversation;

public sealed class TimeZoneIdsTests
{
    [Theory]
    [InlineData("Europe/Lisbon", "Europe/Lisbon")]
    [InlineData("europe/lisbon", "Europe/Lisbon")]
    [InlineData("Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("UTC", "UTC")]
    [InlineData("Etc/UTC", "Etc/UTC")]
    [InlineData("Etc/GMT+5", "Etc/GMT+5")]
    [InlineData("US/Eastern", "America/New_York")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    [InlineData("CET", "CET")]
    [InlineData("WET", "WET")]
    [InlineData("GMT Standard Time", "Europe/London")]
    public void Known_AnIanaZoneOrItsAlias_ItsCanonicalId(string zone, string expected)
    {
        Assert.Equal(expected, TimeZoneIds.Known(zone));
    }

    [Theory]
    [InlineData("posixrules")]
    [InlineData("localtime")]
    [InlineData("Factory")]
    [InlineData("right/Asia/Tokyo")]
    [InlineData("posix/Asia/Tokyo")]
    [InlineData("right/UTC")]
    [InlineData("posix/Europe/Lisbon")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void Known_AFileOfTheZoneFolderThatIsNoIanaZone_Null(string? zone)
    {
        // Before: every file of /usr/share/zoneinfo passed ("posixrules", "right/Asia/Tokyo"), so a reader's Teams zone
        // of that kind was kept and shown in their cards.
        Assert.Null(TimeZoneIds.Known(zone));
    }

    [Theory]
    [InlineData("posixrules")]
    [InlineData("right/Asia/Tokyo")]
    [InlineData("Factory")]
    public void Canonical_AFileOfTheZoneFolderThatIsNoIanaZone_Null(string typed)
    {
        Assert.Null(TimeZoneIds.Canonical(typed));
    }
}
