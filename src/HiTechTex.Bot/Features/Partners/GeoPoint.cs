namespace HiTechTex.Bot.Features.Partners;

/// <summary>WGS 84 coordinates in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);
