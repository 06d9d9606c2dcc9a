/// Discourse emoji images (`img.emoji` with `title=":smile:"`) back to Unicode characters.
/// The table holds the aliases people use most; any other shows as its `:alias:`, which is
/// what the author typed.
enum EmojiTable {
    static func character(for alias: String) -> String {
        var name = Substring(alias)
        while name.first == ":" { name = name.dropFirst() }
        while name.last == ":" { name = name.dropLast() }
        // Skin tones: ":thumbsup:t3:" is the base emoji with a Fitzpatrick modifier.
        var tone = ""
        if let colon = name.lastIndex(of: ":") {
            let suffix = name[name.index(after: colon)...]
            if suffix.count == 2, suffix.first == "t", let level = Int(suffix.dropFirst()), (2...6).contains(level),
                let modifier = Unicode.Scalar(0x1F3FB + UInt32(level - 2))
            {
                tone = String(Character(modifier))
            }
            name = name[..<colon]
        }
        guard let base = table[String(name)] else { return ":\(name):" }
        return base + tone
    }

    static let table: [String: String] = [
        "smile": "😄", "smiley": "😃", "grinning": "😀", "grin": "😁", "laughing": "😆", "satisfied": "😆",
        "sweat_smile": "😅", "joy": "😂", "rofl": "🤣", "relaxed": "☺️", "blush": "😊", "innocent": "😇",
        "slight_smile": "🙂", "slightly_smiling_face": "🙂", "upside_down_face": "🙃", "wink": "😉",
        "relieved": "😌", "heart_eyes": "😍", "kissing_heart": "😘", "yum": "😋", "stuck_out_tongue": "😛",
        "stuck_out_tongue_winking_eye": "😜", "zany_face": "🤪", "nerd_face": "🤓", "sunglasses": "😎",
        "star_struck": "🤩", "partying_face": "🥳", "smirk": "😏", "unamused": "😒", "disappointed": "😞",
        "pensive": "😔", "worried": "😟", "confused": "😕", "slightly_frowning_face": "🙁", "frowning_face": "☹️",
        "persevere": "😣", "confounded": "😖", "tired_face": "😫", "weary": "😩", "pleading_face": "🥺",
        "cry": "😢", "sob": "😭", "triumph": "😤", "angry": "😠", "rage": "😡", "exploding_head": "🤯",
        "flushed": "😳", "scream": "😱", "fearful": "😨", "cold_sweat": "😰", "hugs": "🤗", "hugging_face": "🤗",
        "thinking": "🤔", "thinking_face": "🤔", "shushing_face": "🤫", "lying_face": "🤥", "no_mouth": "😶",
        "neutral_face": "😐", "expressionless": "😑", "grimacing": "😬", "roll_eyes": "🙄", "hushed": "😯",
        "open_mouth": "😮", "astonished": "😲", "yawning_face": "🥱", "sleeping": "😴", "drooling_face": "🤤",
        "sleepy": "😪", "dizzy_face": "😵", "zipper_mouth_face": "🤐", "nauseated_face": "🤢",
        "face_vomiting": "🤮", "sneezing_face": "🤧", "mask": "😷", "face_with_thermometer": "🤒",
        "money_mouth_face": "🤑", "cowboy_hat_face": "🤠", "smiling_imp": "😈", "imp": "👿", "clown_face": "🤡",
        "poop": "💩", "hankey": "💩", "ghost": "👻", "skull": "💀", "alien": "👽", "robot": "🤖",
        "smiley_cat": "😺", "heart_eyes_cat": "😻", "see_no_evil": "🙈", "hear_no_evil": "🙉",
        "speak_no_evil": "🙊", "wave": "👋", "raised_hand": "✋", "hand": "✋", "ok_hand": "👌",
        "pinching_hand": "🤏", "v": "✌️", "crossed_fingers": "🤞", "love_you_gesture": "🤟", "metal": "🤘",
        "call_me_hand": "🤙", "point_left": "👈", "point_right": "👉", "point_up": "☝️", "point_up_2": "👆",
        "point_down": "👇", "middle_finger": "🖕", "+1": "👍", "thumbsup": "👍", "-1": "👎", "thumbsdown": "👎",
        "fist": "✊", "facepunch": "👊", "punch": "👊", "clap": "👏", "raised_hands": "🙌", "open_hands": "👐",
        "handshake": "🤝", "pray": "🙏", "writing_hand": "✍️", "muscle": "💪", "eyes": "👀", "eye": "👁️",
        "brain": "🧠", "baby": "👶", "man": "👨", "woman": "👩", "person_shrugging": "🤷", "shrug": "🤷",
        "man_shrugging": "🤷‍♂️", "woman_shrugging": "🤷‍♀️", "person_facepalming": "🤦", "facepalm": "🤦",
        "man_facepalming": "🤦‍♂️", "woman_facepalming": "🤦‍♀️", "heart": "❤️", "orange_heart": "🧡",
        "yellow_heart": "💛", "green_heart": "💚", "blue_heart": "💙", "purple_heart": "💜", "black_heart": "🖤",
        "broken_heart": "💔", "sparkling_heart": "💖", "two_hearts": "💕", "100": "💯", "anger": "💢",
        "boom": "💥", "collision": "💥", "dizzy": "💫", "sweat_drops": "💦", "dash": "💨", "zzz": "💤",
        "speech_balloon": "💬", "thought_balloon": "💭", "fire": "🔥", "sparkles": "✨", "star": "⭐",
        "star2": "🌟", "zap": "⚡", "snowflake": "❄️", "sunny": "☀️", "cloud": "☁️", "umbrella": "☔",
        "rainbow": "🌈", "earth_americas": "🌎", "globe_with_meridians": "🌐", "crescent_moon": "🌙",
        "dog": "🐶", "cat": "🐱", "mouse": "🐭", "rabbit": "🐰", "fox_face": "🦊", "bear": "🐻", "panda_face": "🐼",
        "penguin": "🐧", "bird": "🐦", "chicken": "🐔", "frog": "🐸", "monkey_face": "🐵", "unicorn": "🦄",
        "bee": "🐝", "bug": "🐛", "butterfly": "🦋", "snail": "🐌", "turtle": "🐢", "snake": "🐍", "octopus": "🐙",
        "crab": "🦀", "whale": "🐳", "dolphin": "🐬", "fish": "🐟", "rose": "🌹", "sunflower": "🌻",
        "seedling": "🌱", "evergreen_tree": "🌲", "cactus": "🌵", "four_leaf_clover": "🍀", "apple": "🍎",
        "banana": "🍌", "lemon": "🍋", "pizza": "🍕", "hamburger": "🍔", "fries": "🍟", "taco": "🌮",
        "cake": "🍰", "birthday": "🎂", "cookie": "🍪", "doughnut": "🍩", "coffee": "☕", "tea": "🍵",
        "beer": "🍺", "beers": "🍻", "wine_glass": "🍷", "champagne": "🍾", "tada": "🎉", "confetti_ball": "🎊",
        "balloon": "🎈", "gift": "🎁", "trophy": "🏆", "medal_sports": "🏅", "1st_place_medal": "🥇",
        "soccer": "⚽", "basketball": "🏀", "video_game": "🎮", "dart": "🎯", "game_die": "🎲", "art": "🎨",
        "musical_note": "🎵", "notes": "🎶", "microphone": "🎤", "headphones": "🎧", "guitar": "🎸",
        "car": "🚗", "bus": "🚌", "train": "🚆", "airplane": "✈️", "rocket": "🚀", "ship": "🚢", "bike": "🚲",
        "house": "🏠", "office": "🏢", "hourglass": "⌛", "watch": "⌚", "alarm_clock": "⏰", "stopwatch": "⏱️",
        "calendar": "📆", "date": "📅", "iphone": "📱", "computer": "💻", "keyboard": "⌨️", "desktop_computer": "🖥️",
        "printer": "🖨️", "floppy_disk": "💾", "cd": "💿", "camera": "📷", "tv": "📺", "bulb": "💡",
        "flashlight": "🔦", "book": "📖", "books": "📚", "notebook": "📓", "memo": "📝", "pencil": "📝",
        "pencil2": "✏️", "page_facing_up": "📄", "bookmark": "🔖", "link": "🔗", "paperclip": "📎",
        "pushpin": "📌", "scissors": "✂️", "lock": "🔒", "unlock": "🔓", "key": "🔑", "hammer": "🔨",
        "wrench": "🔧", "gear": "⚙️", "nut_and_bolt": "🔩", "hammer_and_wrench": "🛠️", "toolbox": "🧰",
        "magnet": "🧲", "test_tube": "🧪", "microscope": "🔬", "telescope": "🔭", "satellite": "📡",
        "mag": "🔍", "mag_right": "🔎", "email": "📧", "envelope": "✉️", "inbox_tray": "📥", "outbox_tray": "📤",
        "package": "📦", "mailbox": "📫", "chart_with_upwards_trend": "📈", "chart_with_downwards_trend": "📉",
        "bar_chart": "📊", "clipboard": "📋", "file_folder": "📁", "open_file_folder": "📂", "wastebasket": "🗑️",
        "moneybag": "💰", "dollar": "💵", "credit_card": "💳", "gem": "💎", "bell": "🔔", "no_bell": "🔕",
        "loudspeaker": "📢", "mega": "📣", "warning": "⚠️", "no_entry": "⛔", "no_entry_sign": "🚫",
        "x": "❌", "negative_squared_cross_mark": "❎", "white_check_mark": "✅", "heavy_check_mark": "✔️",
        "ballot_box_with_check": "☑️", "check": "✔️", "heavy_multiplication_x": "✖️", "heavy_plus_sign": "➕",
        "heavy_minus_sign": "➖", "question": "❓", "grey_question": "❔", "exclamation": "❗",
        "heavy_exclamation_mark": "❗", "grey_exclamation": "❕", "bangbang": "‼️", "interrobang": "⁉️",
        "information_source": "ℹ️", "recycle": "♻️", "arrow_right": "➡️", "arrow_left": "⬅️", "arrow_up": "⬆️",
        "arrow_down": "⬇️", "arrows_counterclockwise": "🔄", "arrow_forward": "▶️", "rewind": "⏪",
        "fast_forward": "⏩", "new": "🆕", "free": "🆓", "up": "🆙", "cool": "🆒", "ok": "🆗", "sos": "🆘",
        "red_circle": "🔴", "large_blue_circle": "🔵", "blue_circle": "🔵", "green_circle": "🟢",
        "yellow_circle": "🟡", "white_circle": "⚪", "black_circle": "⚫", "small_red_triangle": "🔺",
        "large_orange_diamond": "🔶", "large_blue_diamond": "🔷", "checkered_flag": "🏁", "triangular_flag_on_post": "🚩",
        "crossed_flags": "🎌", "black_flag": "🏴", "white_flag": "🏳️", "rainbow_flag": "🏳️‍🌈",
        "copyright": "©️", "registered": "®️", "tm": "™️", "hash": "#️⃣", "one": "1️⃣", "two": "2️⃣", "three": "3️⃣",
        "zero": "0️⃣", "keycap_ten": "🔟", "infinity": "♾️", "mute": "🔇", "sound": "🔉", "loud_sound": "🔊",
        "hourglass_flowing_sand": "⏳", "stop_sign": "🛑", "construction": "🚧", "rotating_light": "🚨",
        "beginner": "🔰", "trident": "🔱", "globe_showing_europe_africa": "🌍", "world_map": "🗺️",
        "japan": "🗾", "snowman": "⛄", "ocean": "🌊", "volcano": "🌋", "mountain": "⛰️", "camping": "🏕️",
        "slight_frown": "🙁", "heart_on_fire": "❤️‍🔥", "saluting_face": "🫡", "melting_face": "🫠",
        "face_with_monocle": "🧐", "face_with_raised_eyebrow": "🤨", "face_with_hand_over_mouth": "🤭",
        "flag_us": "🇺🇸", "us": "🇺🇸", "gb": "🇬🇧", "uk": "🇬🇧", "fr": "🇫🇷", "de": "🇩🇪", "jp": "🇯🇵", "cn": "🇨🇳",
        "kr": "🇰🇷", "it": "🇮🇹", "es": "🇪🇸", "ru": "🇷🇺", "canada": "🇨🇦", "brazil": "🇧🇷", "india": "🇮🇳",
        "discourse": "💬", "slightly_smiling": "🙂", "grinning_face_with_smiling_eyes": "😁", "face_palm": "🤦",
    ]
}
