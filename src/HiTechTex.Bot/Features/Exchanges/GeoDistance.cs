using HiTechTex.Bot.Features.Partners;

namespace HiTechTex.Bot.Features.Exchanges;

/// <summary>Great-circle (haversine) distance on the mean Earth radius; good to ~0.5 %, plenty for a 200 km rule.</summary>
internal static class GeoDistance
{
    public const double EarthRadiusKm = 6371.0088;

    public static double Kilometres(GeoPoint a, GeoPoint b)
    {
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
