namespace HiTechTex.Bot.Language.Vocabulary;

internal static class English
{
    public static LanguageVocabulary Vocabulary { get; } = new(
        "en",
        new Dictionary<Intent, string[]>
        {
            [Intent.FindPartners] = ["find", "search*", "look for", "looking for", "partner*", "collaborat*", "need a", "need an", "who can", "recommend*", "connect me"],
            [Intent.ApplyForExchange] = ["clusterxchange=2", "apply", "fill in the application=2", "fill in an application=2", "submit an application=2", "make an application=2", "applying", "exchange*", "staff exchange=3", "secondment*", "mobility", "study visit*", "visit", "visits", "visiting"],
            [Intent.RegisterForCoaching] = ["register", "sign up", "sign me up", "enrol*", "enroll*", "coaching", "coach", "training", "mentoring", "workshop*", "webinar*", "book a session=3", "session*"],
            [Intent.MyApplications] = ["my application*", "my exchange application*=3", "application status", "status of my application*=3", "my requests", "status of my exchange*=3", "exchange status=3", "my exchanges=3", "withdraw my application*=3"],
            [Intent.MySessions] = ["my session*", "my coaching*", "my booking*", "my registration*", "my training*", "upcoming session*", "next session*", "my workshop*"],
            [Intent.Help] = ["help", "what can you do=3", "commands", "menu", "how does this work=3", "who are you=3", "what are you=3"],
            [Intent.Cancel] = ["cancel=2", "stop=2", "quit=2", "abort=2", "nevermind=2", "never mind=2", "forget it=2", "exit=2"],
        },
        ["i", "me", "my", "we", "our", "us", "you", "your", "a", "an", "the", "in", "on", "at", "for", "of", "to", "from", "with", "and", "or",
         "is", "are", "am", "be", "do", "does", "can", "could", "would", "please", "want", "like", "some", "any", "that", "this", "which",
         "who", "what", "where", "there", "it", "about", "by", "into", "as", "so", "also", "show", "list", "get", "give", "need",
         "hi", "hello", "hey", "thanks", "thank", "how", "company", "companies", "someone", "somebody", "doing", "does", "works", "work", "let",
         "when", "will", "shall", "should", "might", "must", "was", "were", "been", "being", "have", "has", "had", "having", "if", "then", "than", "these", "those", "they", "them", "their", "its", "re", "ve", "ll", "im", "all", "very", "just", "else", "other"],
        ["january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul", "august|aug",
         "september|sep|sept", "october|oct", "november|nov", "december|dec"],
        ["today"],
        ["tomorrow", "tmrw"],
        ["day after tomorrow"],
        ["on", "about", "regarding"],
        Declines: ["don t want", "dont want", "do not want", "don t need", "dont need", "do not need", "not interested", "no longer want", "don t wanna"],
        MonthPrepositions: ["in", "during"],
        PlacePrepositions: ["in"],
        Travel: ["go to", "go on a", "go on an", "going to", "travel*", "trip to", "fly to", "spend", "spending", "spend some time", "placement", "internship"],
        Hosting: ["want to host", "like to host", "love to host", "we host", "can host", "could host", "host a", "host an", "host visitors", "host someone",
                  "host people", "hosting a", "hosting an", "hosting visitors", "hosting someone", "interested in hosting", "receive a visitor",
                  "receive visitors", "receive a visit", "welcome a visitor", "welcome visitors", "be a host", "be the host", "act as host", "as a host"],
        CancelAlone: ["stop", "exit"],
        Bookings: ["booking*", "reservation*", "registration*", "enrolment*", "enrollment*", "session*", "workshop*", "webinar*", "coaching*", "training*", "mentoring"],
        Applications: ["application*", "exchange*", "secondment*", "visit", "visits", "mobility"],
        Weekdays: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"],
        // The words that say English whatever else is borrowed ("workshop", "coaching" are in every language's messages).
        Detection: ["the=2", "i=0.5", "my=1.5", "is=1.5", "what=1.5", "want=1.5", "how=1.5", "next=1", "would=1.5", "there=1.5", "of=1.5",
                    "and=1.5", "to=1", "for=1", "with=1.5", "need=1.5", "looking=1.5", "which=1.5", "when=1.5", "please=1.5", "thanks=1.5",
                    "week=1", "weeks=1.5", "days=1", "month=1", "near=1", "who=1.5", "any=1.5", "all=0.5", "now=1",
                    "monday=1", "tuesday=1", "wednesday=1", "thursday=1", "friday=1", "saturday=1", "sunday=1", "good=1", "afternoon=1.5", "evening=1.5"],
        DetectionEndings: ["tion=1", "tions=1"]);
}
