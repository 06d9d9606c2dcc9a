// What each seeded support thread is about: the question and the answer that helped.

/// The substance of each seeded topic, by title (titles are listed in `SeedTopics.byCategory`).
/// The first post asks `question`; the first reply gives `answer`, which is the accepted
/// solution when the topic is solved. Filler replies come after.
enum SeedThreads {
    static let byTitle: [String: (question: String, answer: String)] = [
        // Announcements
        "Welcome to the Lumen Community!": (
            "This is the place to ask questions about Lumen, share tips and suggest features. Please search before posting, and mark the reply that solved your problem.",
            "Thanks for setting this up! Great to have a proper forum."
        ),
        "Lumen 5.2 released: faster sync and a new CLI": (
            "Lumen 5.2 is rolling out to all platforms this week. Sync of large folders is up to three times faster, and the new CLI replaces the old lumen-sync tool.",
            "The speed-up is real, my 200 GB photo library finished overnight."
        ),
        "Scheduled maintenance on November 20": (
            "The web app and API will be read-only on November 20 between 02:00 and 04:00 UTC while we upgrade the storage cluster. Desktop and mobile apps will queue changes and sync afterwards.",
            "Thanks for the heads-up. Will shared links keep working?"
        ),
        "Changes to the Free plan storage limits": (
            "From January, new Free accounts get 5 GB instead of 10 GB. Existing Free accounts keep their current limit.",
            "Good to know existing accounts are not affected."
        ),
        // Getting Started
        "How do I install Lumen on Ubuntu?": (
            "I downloaded the .deb but the Software Center says it is unsupported. What is the right way to install Lumen on Ubuntu 24.04?",
            "Add the Lumen apt repository with the script from the download page, then run sudo apt install lumen. The .deb works too: sudo apt install ./lumen_5.2_amd64.deb."
        ),
        "First sync takes forever, is this normal?": (
            "I added my 300 GB home folder yesterday and the first sync is still at 12%. Is this expected?",
            "Yes, the first sync hashes every file before uploading. Exclude caches and build folders, and let it run overnight; later syncs only send changes."
        ),
        "Which folders should I sync first?": (
            "I am new to Lumen and have a lot of data. Which folders would you start with?",
            "Start with Documents and Desktop, they are small and change often. Add Photos once the first sync is done, and leave Downloads out."
        ),
        "Setting up Lumen on a new phone": (
            "I got a new phone. Do I need to set everything up again, or can I move my Lumen settings over?",
            "Sign in on the new phone and pick the same folders. Settings are per device, but your files and history are on the server."
        ),
        "Difference between backup and sync?": (
            "The app offers both Backup and Sync for a folder. What is the difference?",
            "Sync mirrors the folder on all your devices, deletions included. Backup only uploads, and deleted files stay in your history for 30 days."
        ),
        "Can I use Lumen without an account?": (
            "I just want to sync between two computers on my home network. Do I need a Lumen account for that?",
            "You need an account, but LAN sync sends the data directly between your computers when they are on the same network."
        ),
        "Where are my files stored on disk?": (
            "After installing, I cannot find where Lumen keeps my synced files. Where is the folder?",
            "By default it is ~/Lumen on Linux and macOS and C:\\Users\\you\\Lumen on Windows. You can move it in Settings → Folders."
        ),
        "Getting started with the Lumen CLI": (
            "Is there a quick guide to the CLI? I want to use it on a headless server.",
            "Run lumen login --device on the server, open the printed link on any browser, then lumen sync add ~/data. lumen help lists everything else."
        ),
        "Linking a second computer": (
            "I installed Lumen on my laptop. How do I add my desktop so both have the same files?",
            "Install the app on the desktop and sign in with the same account. Choose the same folders and they will appear on both."
        ),
        "Two-factor authentication setup": (
            "Where do I turn on two-factor authentication, and will it break the CLI?",
            "Account → Security → Two-factor. The CLI uses device tokens, so it keeps working; you only confirm once when you log in."
        ),
        // How-to
        "How to exclude node_modules from sync": (
            "My project folders are full of node_modules and they take forever to sync. Can I exclude them?",
            "Add a .lumenignore file at the top of the synced folder with a line node_modules/. It works like .gitignore."
        ),
        "How to restore a deleted file from history": (
            "I deleted a spreadsheet last week and emptied the trash. Can Lumen bring it back?",
            "Open the web app, go to the folder, and choose Show deleted files. Pick the file and click Restore; paid plans keep 30 days of history."
        ),
        "Using the API to list files in a folder": (
            "Which API call lists the files in a folder? The docs mention /v2/files but I get an empty list.",
            "Pass the folder path as the path query parameter and add recursive=false. Without a path you get only the root's files."
        ),
        "Schedule syncs only at night": (
            "My upload is slow during the day. Can I tell Lumen to sync only at night?",
            "Settings → Network → Schedule lets you pick hours. On the CLI use lumen config set schedule 22:00-07:00."
        ),
        "Move the Lumen folder to an external drive": (
            "My internal disk is full. Can the Lumen folder live on an external drive?",
            "Yes: quit the app, move the folder, then start the app and point it to the new location when it asks. It will rescan instead of downloading again."
        ),
        "Share a folder read-only with a colleague": (
            "I want a colleague to see a folder without being able to change anything. Is that possible?",
            "Share the folder and set the permission to Viewer. Viewers can download but not upload or delete."
        ),
        "Script backups with cron and the CLI": (
            "What is the best way to run a nightly backup from cron with the CLI?",
            "Use lumen backup run --quiet in the crontab and set LUMEN_TOKEN from a file only root can read. The exit code is non-zero when something fails."
        ),
        "Limit upload bandwidth on metered networks": (
            "When I tether to my phone, Lumen uses all my data. Can I limit it?",
            "Mark the connection as metered in your OS; Lumen pauses large uploads on metered networks. There is also a bandwidth limit in Settings → Network."
        ),
        "Export my photo library to another service": (
            "If I ever leave Lumen, how do I get all my photos out at once?",
            "Use Account → Export. You get zip files of 50 GB each, with the original files and folder structure."
        ),
        "Use Lumen with a NAS over SMB": (
            "Can I sync a folder that lives on my NAS, mounted over SMB?",
            "It works, but file change events do not arrive over SMB, so set a rescan interval. Running the CLI on the NAS itself is better."
        ),
        "Set up selective sync on mobile": (
            "My phone does not have room for everything. Can I choose what the mobile app downloads?",
            "Mobile only downloads files when you open them. Mark folders as Available offline to keep them on the phone."
        ),
        "Automate uploads with the API token": (
            "How do I create an API token for a script that uploads reports every morning?",
            "Account → Developer → New token, with the files:write scope only. Send it as a bearer token; it does not expire unless you revoke it."
        ),
        "Encrypt a folder client-side": (
            "Is there a way to encrypt a folder before it leaves my computer?",
            "Create a Vault folder in the desktop app. Files in it are encrypted with a key derived from your vault password, which we never see."
        ),
        "Sync dotfiles between machines": (
            "I want to keep my dotfiles in sync between my laptops. Is Lumen a good fit?",
            "It works if you sync a folder and symlink the files into your home directory. Exclude files with secrets or machine-specific paths."
        ),
        // Troubleshooting
        "Sync stuck at 99% on Windows": (
            "Sync shows 99% for hours and never completes. Restarting does not help.",
            "This is usually a file locked by another program, often Outlook's .pst. Close it or exclude it, and the sync finishes."
        ),
        "Mobile app crashes on launch after update": (
            "Since updating to 5.2 the Android app closes right after the splash screen.",
            "Clear the app's cache in Android settings (not its storage). A fix for the crash is in 5.2.1, rolling out now."
        ),
        "ERR_QUOTA even though I have space left": (
            "The app says ERR_QUOTA but my account page shows 60 GB free. What is going on?",
            "Files in your history count towards the quota too. Empty the history in the web app, or wait for the 30 days to pass."
        ),
        "CLI says 'token expired' every hour": (
            "lumen sync stops every hour with 'token expired' and I have to log in again.",
            "You logged in with lumen login --password, which gives short-lived tokens. Use lumen login --device instead; device tokens refresh themselves."
        ),
        "Files duplicated with (conflict) suffix": (
            "I keep getting files named report (conflict 2).docx. Why does this happen?",
            "A conflict copy is made when the same file changes on two devices before they sync. Let one device finish syncing before you edit on the other."
        ),
        "High CPU usage while idle on macOS": (
            "lumend uses 30% CPU even when nothing is syncing, on macOS 15.",
            "Spotlight indexing of the Lumen folder can trigger endless rescans. Add the Lumen folder to Spotlight's privacy list and restart the app."
        ),
        "Linux AppImage will not start on Fedora": (
            "Double-clicking the AppImage does nothing on Fedora 41. From a terminal it complains about libfuse.so.2.",
            "Install fuse-libs (sudo dnf install fuse-libs), or run it with --appimage-extract-and-run."
        ),
        "API returns 429 Too Many Requests": (
            "My script gets 429 after about a hundred requests. What are the limits?",
            "The API allows 60 requests a minute per token. Read the Retry-After header and wait that many seconds before retrying."
        ),
        "Photos upload in wrong orientation": (
            "Photos taken in portrait show up sideways in the web app.",
            "The web app ignored the EXIF orientation of HEIC files; this is fixed on the server now. Re-open the folder to see them the right way up."
        ),
        "Login loop in the desktop app": (
            "The desktop app opens the browser, I log in, and it asks me to log in again, forever.",
            "Your browser blocks the lumen:// link. Allow it when the browser asks, or paste the code shown on the page into the app."
        ),
        "Deleted files keep coming back": (
            "I delete files on my laptop and they reappear a few minutes later.",
            "Another device is offline with an old copy and uploads it when it comes back. Open Devices in the web app and remove devices you no longer use."
        ),
        "Sync very slow on Wi-Fi only": (
            "On cable I get 50 MB/s, on Wi-Fi barely 1 MB/s, though other apps are fast.",
            "Turn off LAN discovery in Settings → Network. Some routers choke on the multicast traffic it sends."
        ),
        "Symlinks are not followed on Linux": (
            "I symlinked a folder into ~/Lumen but its contents never sync.",
            "Lumen syncs the symlink itself, not its target. Add the target folder as its own sync folder instead."
        ),
        "Notification badge never clears on iOS": (
            "The app icon shows a badge with 3 even after I open all notifications.",
            "Pull to refresh on the Activity tab, then force-quit the app. The badge count is fixed in the next release."
        ),
        "Cannot rename folders with emoji in the name": (
            "Renaming a folder to 📷 Photos fails with 'invalid name'.",
            "Emoji made of several code points were rejected by an old check on the server. It is fixed; update the desktop app to 5.2.1."
        ),
        "Proxy settings ignored by the CLI": (
            "Our office needs a proxy. The desktop app uses it but the CLI does not.",
            "The CLI reads HTTPS_PROXY from the environment, not the desktop settings. Export it in the shell or the service file."
        ),
        "Web app shows blank page in Firefox": (
            "The web app is just a white page in Firefox, Chrome works.",
            "A privacy extension blocks our script host. Allow app.lumen.example in the extension, or try a private window without extensions."
        ),
        "Strange characters in my sync log": (
            "My sync log shows garbage characters and my terminal went weird when I printed it.",
            "The log contains file names as they are on disk, control characters included. Use lumen log --escape to print it safely."
        ),
        // Billing
        "How do I switch from monthly to yearly?": (
            "I am on Plus monthly. How do I switch to yearly billing?",
            "Account → Plan → Change billing period. You are charged the yearly price minus what is left of this month."
        ),
        "Charged twice this month": (
            "My card shows two charges of 9.99 for November.",
            "One of them is a pending authorisation that your bank releases within a few days. If both are still there after a week, write to billing."
        ),
        "VAT missing on my invoice": (
            "My invoice does not show VAT, and I need it for my company accounts.",
            "Add your VAT number under Account → Billing details; new invoices will show it, and you can regenerate old ones there."
        ),
        "Student discount available?": (
            "Is there a discount for students?",
            "Yes, 50% off Plus with a school email address. Apply from the Plans page."
        ),
        "Cancel my subscription": (
            "How do I cancel? I cannot find the button.",
            "Account → Plan → Cancel plan, at the bottom of the page. You keep your plan until the end of the period you paid for."
        ),
        "Family plan: how many members?": (
            "How many people can share a Family plan, and do they share storage?",
            "Up to six members sharing 2 TB. Each member has a private space; shared folders count once."
        ),
        "Payment failed but card is fine": (
            "Renewal failed with 'payment declined' but the card works everywhere else.",
            "Some banks need you to approve recurring payments in their app. Approve it, then retry from Account → Billing."
        ),
        "Downgrade from Pro to Plus": (
            "If I downgrade from Pro to Plus, what happens to files above the Plus limit?",
            "Nothing is deleted, but syncing pauses until you are under 200 GB again."
        ),
        // Feature Ideas
        "Dark mode for the web app": (
            "The desktop app has a dark theme. Please add one to the web app too.",
            "Yes please! The white page at night is painful."
        ),
        "End-to-end encryption for shared folders": (
            "Vaults are great, but I cannot share them. End-to-end encrypted sharing would be amazing.",
            "This would make Lumen usable for our legal team."
        ),
        "A native ARM Linux build": (
            "I would love a native build for ARM Linux, for my Raspberry Pi.",
            "The CLI already has an arm64 build, it is on the download page under Other platforms."
        ),
        "Let me pause sync per folder": (
            "Pausing is all or nothing right now. I would like to pause one folder while the others keep syncing.",
            "Same here, my video folder hogs the upload."
        ),
        "Show sync progress in the menu bar": (
            "A progress bar in the macOS menu bar icon would help a lot.",
            "Agreed, right now I have to open the window to see anything."
        ),
        "Keyboard shortcuts in the web app": (
            "Let me use j/k and / in the web app like in other tools.",
            "And Delete to move to the trash, please."
        ),
        "Share your Lumen setup": (
            "Let's collect how everyone uses Lumen: devices, folders, tricks. I will start: two laptops, one phone, the CLI on a home server.",
            "Desktop on a Mac mini, Photos folder only, and the phone uploads camera pictures."
        ),
        "Webhooks for file changes": (
            "I would like a webhook when a file changes in a folder, to trigger a build.",
            "This would replace the polling script I run every minute."
        ),
        // Site Feedback
        "The forum search misses code blocks": (
            "Searching for an error code that only appears inside a code block finds nothing.",
            "Thanks, we have reported it upstream. Meanwhile put the error code in the text of your post as well."
        ),
        "Can we have a category for the API?": (
            "API questions are mixed with everything else in How-to. Could they get their own category?",
            "We use the api tag for now; if it keeps growing we will split it out."
        ),
        "Thank you, moderators!": (
            "Just wanted to say thanks to the people who answer questions here every day.",
            "Thank you for the kind words! It is a pleasure."
        ),
    ]
}
