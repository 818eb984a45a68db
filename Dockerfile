# HiTechTex.Bot as a Linux container (Azure App Service for Containers, Azure Container Apps, AKS).
#   docker build -t hitechtex-bot .
#   docker run -p 8080:8080 -e MicrosoftAppId=… -e MicrosoftAppPassword=… -e MicrosoftAppTenantId=… \
#     -e Database__Provider=PostgreSql -e ConnectionStrings__Bot="Host=…;Ssl Mode=Require" hitechtex-bot
# Configuration comes from environment variables (`__` for `:`); secrets never belong in the image.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached between code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/HiTechTex.Bot.Protocol/HiTechTex.Bot.Protocol.csproj src/HiTechTex.Bot.Protocol/
COPY src/HiTechTex.Bot/HiTechTex.Bot.csproj src/HiTechTex.Bot/
RUN dotnet restore src/HiTechTex.Bot/HiTechTex.Bot.csproj
COPY appsettings.json ./
COPY cards/ cards/
COPY src/ src/
RUN dotnet publish src/HiTechTex.Bot/HiTechTex.Bot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's non-root user. Without ConnectionStrings__Bot the SQLite default (single instance only) is the per-user
# data folder, which XDG_DATA_HOME puts under /app/data (the file is /app/data/HiTechTex.Bot/hitechtex-bot.db): mount
# a volume there to keep it across container restarts, or use PostgreSQL (Database__Provider=PostgreSql).
# Production reads only appsettings.json: no demo directory, no demo coaching catalog, authentication on.
RUN mkdir -p /app/data && chown -R $APP_UID /app/data
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    XDG_DATA_HOME=/app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "HiTechTex.Bot.dll"]
