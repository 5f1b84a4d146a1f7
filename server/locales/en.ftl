# Zëri server: error messages and routing explanations, in English.
# Every message exists in sq.ftl and sr-Latn.ftl too (a test checks it).

## Routing explanations
explanation-municipal = { $category } is the municipality's responsibility. Your location is in { $municipality }, so your complaint went to { $institution }.
explanation-central = { $category } is handled nationally, by { $institution }.
explanation-public-enterprise = { $category } is provided by a public enterprise. In { $municipality } that is { $institution }.
explanation-private-operator = { $category } is provided by a licensed operator, { $institution }, which must answer complaints.
explanation-independent = { $category } is overseen by an independent institution, { $institution }.
explanation-judiciary = { $category } is a matter for { $institution }.
explanation-local-rule = In { $municipality }, complaints about { $category } go to { $institution }.
explanation-fallback = Your complaint went to { $institution }, which will pass it on if another institution is responsible.

## Errors
error-not-found = Not found. Check the address or the tracking code.
error-unauthorized = Please log in first (or your session has expired).
error-invalid-credentials = Wrong username or password.
error-forbidden = Your account is not allowed to do this.
error-rate-limited = Too many requests. Try again in { $seconds } seconds.
error-method-not-allowed = This address does not accept this kind of request.
error-payload-too-large = The request is too large.
error-unsupported-media-type = Send JSON with the header Content-Type: application/json (photos: image/jpeg or image/png).
error-internal = Something went wrong on our side. Nothing you sent was lost; try again in a moment.
error-bad-request = The request could not be understood.
error-device-required = The app must identify itself with "Authorization: Device <secret>".
error-malformed-json = The request body is not valid JSON.
error-invalid-body = The request body does not have the expected fields and types.
error-unreadable-body = The request body could not be read.
error-invalid-cursor = The "since" value must be a cursor returned by an earlier request.
error-invalid-filter = One of the filters has a value that is not allowed.
error-unknown-institution = There is no such institution.
error-unknown-staff = There is no such colleague in this institution.
error-invalid-id = An id may contain only lower-case letters, digits, "_" and ":".
error-name-required = Names are needed in Albanian, Serbian and English (at most 300 characters).
error-unknown-reference = A referenced institution or municipality does not exist.
error-invalid-deadlines = Deadlines are in working days: acknowledge within 1 to 60, answer within 1 to 120, and not before acknowledging.
error-unknown-category = There is no such category.
error-unknown-municipality = There is no such municipality.
error-unknown-target = The routing target must be institution:<id>, municipal:<template> or water_company, and must exist.
error-invalid-username = A username has 3 to 64 letters, digits, ".", "-" or "_".
error-password-too-short = The password must have at least 10 characters.
error-invalid-period = The start of the period must not be after its end.
error-id-reused = This complaint id was already used for a different complaint. Create a new id.
error-not-closed = This complaint is still open.
error-reopen-window-closed = This complaint was closed more than 30 days ago and can no longer be reopened. Please send a new complaint.
error-invalid-transition = The complaint's current status does not allow this step.
error-same-institution = The complaint is already with this institution.
error-id-taken = This id is already taken.
error-username-taken = This username is already taken.
