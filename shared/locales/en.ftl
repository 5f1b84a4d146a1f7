# Zëri: the citizen app, in English.
# Every message here exists in sq.ftl and sr-Latn.ftl too (a test checks it); the Serbian
# Cyrillic text is made from sr-Latn.ftl by transliteration.

app-name = { "Zëri" }

## Navigation and common actions
nav-home = Home
nav-new-complaint = New complaint
nav-my-complaints = My complaints
nav-settings = Settings
action-back = Back
action-retry = Try again
action-edit = Edit
action-discard = Discard
action-dismiss = Close
action-refresh = Refresh
action-remove = Remove
load-failed = The data saved on this phone could not be read. Nothing has been lost or changed; try again.

## First launch and settings
welcome-title = Your voice to public services
welcome-intro = Report a problem with a public service in under a minute. { app-name } sends it to the institution responsible and shows you who is handling it and by when they must answer.
privacy-title = What happens to your data
privacy-text = Your complaint goes only to the institution responsible for it. If you leave contact details, only that institution sees them; if you stay anonymous, none are sent. Location data is removed from your photos before they leave this phone. Public figures never contain personal data.
language-label = Language
welcome-continue = Continue
settings-title = Settings
settings-server = This app sends complaints to { $host }, which a link chose.
settings-server-reset = Use the official server
server-offer-title = Send your complaints to another server?
server-offer-message = This link points the app at { $host }. From the next start, your complaints, and the contact details you give, go there instead of to { $current }. Accept only if a trainer or your institution asked you to.
server-offer-accept = Use { $host }
server-offer-decline = Keep the current server

## Home
home-title = How can we help?
home-intro = Tell the responsible institution what is wrong: roads, water, waste, health, documents and more.
outbox-count = { $count ->
    [one] { $count } complaint waiting to be sent
   *[other] { $count } complaints waiting to be sent
}

## Drafting
draft-title = New complaint
category-label = What is it about?
category-search = Search categories
category-no-match = No category matches. Try another word.
description-label = What happened?
description-hint = { $count } / { $max } characters
location-label = Where?
location-use-gps = Use my location
location-municipality = Or choose a municipality
location-gps-summary = My location: { $lat }, { $lon }
location-municipality-summary = Municipality: { $name }
location-map = Put a pin on the map
location-map-hint = Move the map until the pin is where the problem is.
location-map-confirm = Use this place
location-map-cancel = Cancel
location-municipality-placeholder = Choose a municipality
location-off = Location is switched off on this phone. Switch it on to use your location, or choose a municipality or a place on the map.
location-denied = Zëri may not use your location. You can allow it in the settings, or choose a municipality or a place on the map.
location-no-fix = Your location could not be found just now. Try again, ideally outdoors, or choose a municipality or a place on the map.
location-open-settings = Open settings
photos-label = Photos
photos-hint = Up to { $max } photos. Location data is removed from them.
photos-add = Add photo
photo-item = Photo { $number } ({ $size } KB)
anonymous-label = Send anonymously
anonymous-on = The institution will not know who you are and cannot contact you.
anonymous-off = Only the institution handling your complaint sees your contact details.
contact-name = Name (optional)
contact-name-hint = How the institution should address you
contact-phone = Phone
contact-phone-hint = A phone number or an email address is needed
contact-email = Email
draft-submit = Send complaint
draft-submitting = Saving…
draft-discard = Discard draft

## Responsible levels
level-municipal = Municipality
level-central = Ministry or state agency
level-public-enterprise = Public enterprise
level-private-operator = Licensed operator
level-independent = Independent institution
level-judiciary = Judicial council

## Refusals from the server (input errors are in protocol/locales)
server-error-unknown = The server did not accept this. Edit it and try again, or discard it.
server-error-reopen-window-closed = This complaint can no longer be reopened.
server-error-not-closed = This complaint is still open.
server-error-not-open = This complaint is closed, so it takes no more messages. Reopen it to write again.
server-error-too-many-messages = This complaint has taken as many messages as one complaint can. The institution has them all.
server-error-complaint-not-found = This complaint could not be found.
server-error-photo-unsupported = This photo could not be accepted.

## Notices
notice-queued = Your complaint is saved on this phone and will be sent as soon as there is a connection.
notice-sent = Your complaint was received. Tracking code: { $code }
notice-draft-save-failed = Your draft could not be saved on this phone.
notice-queue-save-failed = Your complaint could not be saved on this phone, so it was not queued. It is still in the draft; try again.
notice-photo-save-failed = The photo could not be saved on this phone.
notice-refresh-failed = Could not check for updates. You will see them when the connection is back.
notice-finish-draft-first = Send or discard the complaint you are writing first.
notice-rating-queued = Thank you for your rating.
notice-reopen-queued = Your request to reopen has been saved and will be sent.
notice-message-queued = Your message has been saved and will be sent.
notice-server-link-refused = This link asked the app to send complaints to a server it does not know. Nothing was changed.
notice-server-chosen = From the next start, the app sends complaints to { $host }.

## The outbox
outbox-title = Waiting to be sent
outbox-saving = Saving on this phone…
outbox-queued = Queued: will be sent when there is a connection
outbox-sending = Sending…
outbox-sending-photos = Sending photos ({ $done } of { $total })
outbox-rejected = Not accepted
outbox-rating = Rating for { $code }
outbox-reopen = Reopening { $code }
outbox-message = Message about { $code }

## My complaints
my-complaints-title = My complaints
my-complaints-empty = You have not sent any complaints yet.
due-by = Answer due by { $date }
due-paused = Waiting for your answer: the deadline is paused until you reply.
updated-at = Updated { $time }

## One complaint
detail-title = Complaint
tracking-code = Tracking code
institution-label = Handled by
timeline-title = History
timeline-submitted = Complaint submitted
timeline-status = Status: { $status }
timeline-reply = Reply from the institution
timeline-transferred = Transferred to { $institution }
timeline-escalated = Escalated to { $institution }: the deadline passed without an answer
timeline-rated = Rated
timeline-reopened = Reopened
timeline-question = Question from the institution
timeline-you-wrote = You wrote
message-answer-prompt = The institution asked you a question. Your answer sends the complaint back to work, and the deadline runs again.
message-add-prompt = Something to add? The institution reads it with your complaint.
message-answer-label = Your answer
message-add-label = What you want to add
message-add-photo = Add a photo (up to { $max })
message-photo = Photo { $number }
message-photo-remove = Remove
message-answer-submit = Send the answer
message-add-submit = Send
message-pending = Waiting to be sent: { $text }
rating-prompt = How was this handled?
rating-stars = Stars
rating-comment = Comment (optional)
rating-submit = Send rating
reopen-prompt = Not fixed? You can reopen it within { $days } days.
reopen-reason = What is still wrong?
reopen-submit = Reopen

## Notifications
notification-channel-name = Updates on your complaints
notification-channel-description = Replies, questions and changes from the institutions handling your complaints.
notification-reply = { $institution } replied
notification-question = { $institution } asks you a question
notification-received = { $institution } received your complaint
notification-resolved = { $institution } resolved your complaint
notification-rejected = { $institution } closed your complaint without resolving it
notification-transferred = Your complaint went to { $institution }
notification-escalated = No answer in time: your complaint was escalated to { $institution }
notification-overdue = { $institution } has not answered in time
notification-overdue-body = The answer was due by { $date }. { $complaint }
notification-complaint = { $category }, { $code }

## Your data
action-cancel = Cancel
settings-my-data = Your data
settings-privacy-notice = Read the full privacy notice
my-data-title = Your data
my-data-intro = Everything the server holds about the complaints sent from this phone. You can keep a copy as a file, take your contact details back from a complaint, or erase it all.
my-data-loading = Asking the server…
my-data-failed = The server could not be reached. Nothing has changed; try again when you are online.
my-data-empty = The server holds nothing about complaints from this phone.
my-data-export = Save a copy as a file
my-data-push = This phone is woken when something changes, through its push service, since { $since }. The wake-up carries nothing about your complaints.
data-category = Category
data-institution = Institution
data-status = Status
data-submitted = Sent
data-description = What you wrote
data-place = Place
data-contact = Contact details
data-contact-none = None: sent anonymously
data-contact-removed = You removed them on { $date }
data-contact-erased = Erased on { $date }
data-photos = Photos
data-photo-count = { $count ->
    [one] { $count } photo
   *[other] { $count } photos
}
data-message = Your message
data-message-photos = { $count ->
    [one] {" "}(with { $count } photo)
   *[other] {" "}(with { $count } photos)
}
data-rating = Your rating
data-emails = Emails
data-emails-stopped = You stopped the emails about this complaint
erase-title = Erase your data
erase-explanation = Your contact details and photos are erased from every complaint sent from this phone, and the complaints stop belonging to it: you will no longer see them here. The institutions keep what each complaint was about, as the record of their work, without your contact details.
erase-button = Erase my data
erase-question = Erase your contact details and photos from all your complaints? This cannot be undone.
erase-confirm = Erase
erase-pending = Your data will be erased as soon as the phone reaches the server.
contact-held = The institution can reach you with the contact details you gave.
contact-not-held = The institution holds no contact details of yours for this complaint.
contact-remove = Remove my contact details
contact-removal-pending = Your contact details will be removed as soon as the phone reaches the server.
outbox-remove-contact = Removing your contact details from { $code }
outbox-erase = Erasing your data
notice-contact-removal-queued = Your contact details will be removed from this complaint.
notice-erase-queued = Your data will be erased.
notice-data-erased = Your contact details and photos are erased, and your complaints no longer belong to this phone.
web-access-title = Open it without this phone
web-access-pin = PIN
web-access-explanation = With the tracking code and this PIN, you, or the person you filed this complaint for, can see, save or erase its data on the web page below. Keep the PIN to yourself and the person it concerns.
