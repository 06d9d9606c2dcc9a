/// How a reviewable's score adds up (`GET /review/{id}/explain.json`,
/// ReviewableExplanationSerializer): one entry per flag, with the bonuses that made its score
/// and the flagger's record, which is what a moderator weighs before agreeing.
public struct ReviewExplanation: Decodable, Equatable, Sendable {
    public struct Score: Decodable, Equatable, Sendable {
        public var userID: Int
        public var username: String?
        public var scoreType: String
        public var score: Double
        public var typeBonus: Double
        public var trustLevelBonus: Double
        public var takeActionBonus: Double
        public var userAccuracyBonus: Double
        public var flagsAgreed: Int
        public var flagsDisagreed: Int
        public var flagsIgnored: Int

        public init(
            userID: Int, username: String? = nil, scoreType: String, score: Double, typeBonus: Double = 0,
            trustLevelBonus: Double = 0, takeActionBonus: Double = 0, userAccuracyBonus: Double = 0,
            flagsAgreed: Int = 0, flagsDisagreed: Int = 0, flagsIgnored: Int = 0
        ) {
            self.userID = userID
            self.username = username
            self.scoreType = scoreType
            self.score = score
            self.typeBonus = typeBonus
            self.trustLevelBonus = trustLevelBonus
            self.takeActionBonus = takeActionBonus
            self.userAccuracyBonus = userAccuracyBonus
            self.flagsAgreed = flagsAgreed
            self.flagsDisagreed = flagsDisagreed
            self.flagsIgnored = flagsIgnored
        }

        enum CodingKeys: String, CodingKey {
            case score
            case userID = "user_id"
            case scoreType = "score_type"
            case typeBonus = "type_bonus"
            case trustLevelBonus = "trust_level_bonus"
            case takeActionBonus = "take_action_bonus"
            case userAccuracyBonus = "user_accuracy_bonus"
            case flagsAgreed = "flags_agreed"
            case flagsDisagreed = "flags_disagreed"
            case flagsIgnored = "flags_ignored"
        }

        private struct ScoreType: Decodable {
            var title: String?
            var type: String?
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            userID = try c.decode(Int.self, forKey: .userID)
            // Discourse sends the score type as an object ({id, title, type}); older ones as text.
            if let object = try? c.decode(ScoreType.self, forKey: .scoreType) {
                scoreType = object.title ?? object.type ?? "flag"
            } else {
                scoreType = (try? c.decode(String.self, forKey: .scoreType)) ?? "flag"
            }
            score = (try? c.decode(Double.self, forKey: .score)) ?? 0
            typeBonus = (try? c.decode(Double.self, forKey: .typeBonus)) ?? 0
            trustLevelBonus = (try? c.decode(Double.self, forKey: .trustLevelBonus)) ?? 0
            takeActionBonus = (try? c.decode(Double.self, forKey: .takeActionBonus)) ?? 0
            userAccuracyBonus = (try? c.decode(Double.self, forKey: .userAccuracyBonus)) ?? 0
            flagsAgreed = (try? c.decode(Int.self, forKey: .flagsAgreed)) ?? 0
            flagsDisagreed = (try? c.decode(Int.self, forKey: .flagsDisagreed)) ?? 0
            flagsIgnored = (try? c.decode(Int.self, forKey: .flagsIgnored)) ?? 0
        }

        /// `+6.0 Spam by @alice: type bonus 1.0, trust level 2.0, staff 0.0, accuracy 0.0`. The
        /// parts are listed, not summed: Discourse adds a base per flag and weighs them by
        /// site settings, so they need not add up to the score.
        public var line: String {
            func number(_ value: Double) -> String { String(format: "%.1f", value) }
            var text = String(format: "%+.1f", score) + " \(scoreType)"
            if let username { text += " by @" + username }
            text += ": type bonus \(number(typeBonus)), trust level \(number(trustLevelBonus))"
            text += ", staff \(number(takeActionBonus)), accuracy \(number(userAccuracyBonus))"
            return text
        }

        /// `their flags: 3 agreed, 1 disagreed, 0 ignored`.
        public var record: String {
            "their flags: \(flagsAgreed) agreed, \(flagsDisagreed) disagreed, \(flagsIgnored) ignored"
        }
    }

    public var id: Int
    public var totalScore: Double
    public var scores: [Score]

    public init(id: Int, totalScore: Double, scores: [Score]) {
        self.id = id
        self.totalScore = totalScore
        self.scores = scores
    }

    private enum Keys: String, CodingKey {
        case id, scores
        case totalScore = "total_score"
    }

    /// The whole answer: `{reviewable_explanation: {...}, users: [...]}`; flaggers get their
    /// usernames from the side-loaded users.
    public struct Envelope: Decodable, Sendable {
        public var explanation: ReviewExplanation

        private enum Keys: String, CodingKey {
            case users
            case explanation = "reviewable_explanation"
        }

        private struct User: Decodable {
            var id: Int
            var username: String
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            explanation = try c.decode(ReviewExplanation.self, forKey: .explanation)
            let users = (try? c.decode([User].self, forKey: .users)) ?? []
            let names = Dictionary(users.map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
            for index in explanation.scores.indices {
                explanation.scores[index].username = names[explanation.scores[index].userID]
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(Int.self, forKey: .id)
        totalScore = (try? c.decode(Double.self, forKey: .totalScore)) ?? 0
        scores = (try? c.decode([Score].self, forKey: .scores)) ?? []
    }

    /// The lines the CLI and the detail view print.
    public var lines: [String] {
        ["Score " + String(format: "%.1f", totalScore) + " explained"]
            + scores.flatMap { ["  " + $0.line, "      " + $0.record] }
    }
}
