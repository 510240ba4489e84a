/// Words too common to say anything about what a text is about.
public enum Stopwords {
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "few", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
        "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "least",
        "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my",
        "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our",
        "ours", "out", "over", "own", "per", "said", "same", "say", "says", "she", "should", "since", "so",
        "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
        "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
        "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
        "whom", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
        "according", "told", "week", "year", "years", "day", "days", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "mr", "mrs", "ms",
        "percent", "cent", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
        "second", "third", "next", "another", "around", "across", "among", "already", "although", "away",
        "back", "become", "becomes", "came", "come", "comes", "get", "gets", "got", "go", "goes", "going",
        "gone", "know", "known", "look", "looks", "put", "see", "seen", "take", "takes", "took", "want",
        "way", "well", "went", "whose", "yes", "one's", "s", "t",
    ]
}
