# Zëri, in English: what the citizen app and the server both say, so a citizen
# reads the same words whichever side shows them: the names of statuses, and why an input
# was refused.

error-category-missing = Choose a category.
error-unknown-category = This category is no longer offered. Choose another one.
error-description-too-short = Describe the problem in at least { $min } characters.
error-description-too-long = The description can be at most { $max } characters.
error-location-missing = Say where: use your location or choose a municipality.
error-outside-kosovo = This location is outside Kosovo. Choose a municipality instead.
error-unknown-municipality = This municipality is not known. Choose one from the list.
error-too-many-photos = You can add at most { $max } photos.
error-photo-too-large = This photo is larger than { $max } MB.
error-photo-unreadable = This file could not be read as a photo.
error-photo-too-many-pixels = This photo has too many pixels: at most { $side } on each side and { $megapixels } megapixels in all. Send a smaller copy, or take the photo at a lower resolution.
error-contact-missing = Leave a phone number or an email address, or send anonymously.
error-name-too-long = The name can be at most { $max } characters.
error-phone-invalid = This phone number does not look right.
error-email-invalid = This email address does not look right.
error-stars-out-of-range = Choose from 1 to 5 stars.
error-comment-too-long = The comment can be at most { $max } characters.
error-reason-too-short = Give a reason of at least { $min } characters.
error-reason-too-long = The reason can be at most { $max } characters.
error-message-empty = Write something first.
error-message-too-long = A message can be at most { $max } characters.

status-submitted = Submitted
status-received = Received
status-in-progress = In progress
status-resolved = Resolved
status-rejected = Rejected
status-transferred = Transferred
status-reopened = Reopened
status-waiting-for-citizen = Waiting for an answer
