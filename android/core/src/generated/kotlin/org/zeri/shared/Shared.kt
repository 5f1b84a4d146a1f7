package org.zeri.shared

import com.novi.bincode.BincodeDeserializer
import com.novi.bincode.BincodeSerializer
import com.novi.serde.Bytes
import com.novi.serde.DeserializationError
import com.novi.serde.Deserializer
import com.novi.serde.Serializer

fun <T> List<T>.serialize(
    serializer: Serializer,
    serializeElement: Serializer.(T) -> Unit,
) {
    serializer.serialize_len(size.toLong())
    forEach { element ->
        serializer.serializeElement(element)
    }
}

fun <T> Deserializer.deserializeListOf(deserializeElement: (Deserializer) -> T): List<T> {
    val length = deserialize_len()
    val list = mutableListOf<T>()
    repeat(length.toInt()) {
        list.add(deserializeElement(this))
    }
    return list
}

fun <T> T?.serializeOptionOf(
    serializer: Serializer,
    serializeElement: Serializer.(T) -> Unit,
) {
    if (this != null) {
        serializer.serialize_option_tag(true)
        serializer.serializeElement(this)
    } else {
        serializer.serialize_option_tag(false)
    }
}

fun <T> Deserializer.deserializeOptionOf(deserializeElement: (Deserializer) -> T): T? {
    val tag = deserialize_option_tag()
    return if (tag) {
        deserializeElement(this)
    } else {
        null
    }
}

data class CategoryFieldView(
    val label: String,
    val searchLabel: String,
    val query: String,
    /// The categories that match the query, in catalog order.
    val options: List<org.zeri.shared.ChoiceOption>,
    val selected: String? = null,
    val noMatch: String? = null,
    val error: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        serializer.serialize_str(searchLabel)
        serializer.serialize_str(query)
        options.serialize(serializer) {
            it.serialize(serializer)
        }
        selected.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        noMatch.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        error.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): CategoryFieldView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val searchLabel = deserializer.deserialize_str()
            val query = deserializer.deserialize_str()
            val options =
                deserializer.deserializeListOf {
                    org.zeri.shared.ChoiceOption.deserialize(deserializer)
                }
            val selected =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val noMatch =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val error =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return CategoryFieldView(label, searchLabel, query, options, selected, noMatch, error)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): CategoryFieldView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class ChoiceOption(
    val id: String,
    val label: String,
    /// A second line, such as who is responsible for a category.
    val detail: String,
    val selected: Boolean,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(id)
        serializer.serialize_str(label)
        serializer.serialize_str(detail)
        serializer.serialize_bool(selected)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ChoiceOption {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_str()
            val label = deserializer.deserialize_str()
            val detail = deserializer.deserialize_str()
            val selected = deserializer.deserialize_bool()
            deserializer.decrease_container_depth()
            return ChoiceOption(id, label, detail, selected)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ChoiceOption {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class ComplaintCardView(
    val id: String,
    val trackingCode: String,
    val category: String,
    val institution: String,
    val status: org.zeri.shared.StatusCode,
    val statusLabel: String,
    val dueLabel: String,
    val overdue: Boolean,
    val updatedLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(id)
        serializer.serialize_str(trackingCode)
        serializer.serialize_str(category)
        serializer.serialize_str(institution)
        status.serialize(serializer)
        serializer.serialize_str(statusLabel)
        serializer.serialize_str(dueLabel)
        serializer.serialize_bool(overdue)
        serializer.serialize_str(updatedLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ComplaintCardView {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_str()
            val trackingCode = deserializer.deserialize_str()
            val category = deserializer.deserialize_str()
            val institution = deserializer.deserialize_str()
            val status = org.zeri.shared.StatusCode.deserialize(deserializer)
            val statusLabel = deserializer.deserialize_str()
            val dueLabel = deserializer.deserialize_str()
            val overdue = deserializer.deserialize_bool()
            val updatedLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return ComplaintCardView(id, trackingCode, category, institution, status, statusLabel, dueLabel, overdue, updatedLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ComplaintCardView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class ComplaintDetailView(
    val id: String,
    val trackingCodeLabel: String,
    val trackingCode: String,
    val category: String,
    val institutionLabel: String,
    val institution: String,
    val explanation: String,
    val status: org.zeri.shared.StatusCode,
    val statusLabel: String,
    val dueLabel: String,
    val overdue: Boolean,
    val timelineTitle: String,
    val timeline: List<org.zeri.shared.TimelineItemView>,
    val rating: org.zeri.shared.RatingFormView? = null,
    val reopen: org.zeri.shared.ReopenFormView? = null,
    /// Whether the institution holds the citizen's contact details for this complaint, and
    /// the button that takes them back.
    val contact: org.zeri.shared.ContactView,
    /// The PIN that, with the tracking code, opens the complaint on the web; once the server
    /// has told it.
    val webAccess: org.zeri.shared.WebAccessView? = null,
    /// Writing to the institution, while the complaint is open: the answer to its question
    /// when it waits for one, else information added. Sends `MyComplaintsEvent::MessageSubmitted`;
    /// photos come with `MessagePhotoAdded` and go with `MessagePhotoRemoved`.
    val message: org.zeri.shared.MessageFormView? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(id)
        serializer.serialize_str(trackingCodeLabel)
        serializer.serialize_str(trackingCode)
        serializer.serialize_str(category)
        serializer.serialize_str(institutionLabel)
        serializer.serialize_str(institution)
        serializer.serialize_str(explanation)
        status.serialize(serializer)
        serializer.serialize_str(statusLabel)
        serializer.serialize_str(dueLabel)
        serializer.serialize_bool(overdue)
        serializer.serialize_str(timelineTitle)
        timeline.serialize(serializer) {
            it.serialize(serializer)
        }
        rating.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        reopen.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        contact.serialize(serializer)
        webAccess.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        message.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ComplaintDetailView {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_str()
            val trackingCodeLabel = deserializer.deserialize_str()
            val trackingCode = deserializer.deserialize_str()
            val category = deserializer.deserialize_str()
            val institutionLabel = deserializer.deserialize_str()
            val institution = deserializer.deserialize_str()
            val explanation = deserializer.deserialize_str()
            val status = org.zeri.shared.StatusCode.deserialize(deserializer)
            val statusLabel = deserializer.deserialize_str()
            val dueLabel = deserializer.deserialize_str()
            val overdue = deserializer.deserialize_bool()
            val timelineTitle = deserializer.deserialize_str()
            val timeline =
                deserializer.deserializeListOf {
                    org.zeri.shared.TimelineItemView.deserialize(deserializer)
                }
            val rating =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.RatingFormView.deserialize(deserializer)
                }
            val reopen =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.ReopenFormView.deserialize(deserializer)
                }
            val contact = org.zeri.shared.ContactView.deserialize(deserializer)
            val webAccess =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.WebAccessView.deserialize(deserializer)
                }
            val message =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.MessageFormView.deserialize(deserializer)
                }
            deserializer.decrease_container_depth()
            return ComplaintDetailView(id, trackingCodeLabel, trackingCode, category, institutionLabel, institution, explanation, status, statusLabel, dueLabel, overdue, timelineTitle, timeline, rating, reopen, contact, webAccess, message)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ComplaintDetailView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class ConfirmView(
    val question: String,
    val confirmLabel: String,
    val cancelLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(question)
        serializer.serialize_str(confirmLabel)
        serializer.serialize_str(cancelLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ConfirmView {
            deserializer.increase_container_depth()
            val question = deserializer.deserialize_str()
            val confirmLabel = deserializer.deserialize_str()
            val cancelLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return ConfirmView(question, confirmLabel, cancelLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ConfirmView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class ContactView(
    val text: String,
    /// Sends `MyDataEvent::RemoveContactTapped`; set while the institution holds them and no
    /// removal is queued.
    val removeLabel: String? = null,
    /// Set while a removal is queued.
    val pending: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(text)
        removeLabel.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        pending.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ContactView {
            deserializer.increase_container_depth()
            val text = deserializer.deserialize_str()
            val removeLabel =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val pending =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return ContactView(text, removeLabel, pending)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ContactView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class DataRowView(
    val label: String,
    val value: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        serializer.serialize_str(value)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): DataRowView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val value = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return DataRowView(label, value)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): DataRowView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface DraftEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data class CategorySearchChanged(
        val query: String,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.serialize_str(query)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): CategorySearchChanged {
                deserializer.increase_container_depth()
                val query = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return CategorySearchChanged(query)
            }
        }
    }

    data class CategorySelected(
        val id: String,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.serialize_str(id)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): CategorySelected {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return CategorySelected(id)
            }
        }
    }

    data class DescriptionChanged(
        val text: String,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.serialize_str(text)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): DescriptionChanged {
                deserializer.increase_container_depth()
                val text = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return DescriptionChanged(text)
            }
        }
    }

    data class GpsLocated(
        val lat: Double,
        val lon: Double,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.serialize_f64(lat)
            serializer.serialize_f64(lon)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): GpsLocated {
                deserializer.increase_container_depth()
                val lat = deserializer.deserialize_f64()
                val lon = deserializer.deserialize_f64()
                deserializer.decrease_container_depth()
                return GpsLocated(lat, lon)
            }
        }
    }

    /// The phone could not give a location; the citizen is told why, and what to do.
    data class GpsUnavailable(
        val problem: org.zeri.shared.GpsProblem,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            problem.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): GpsUnavailable {
                deserializer.increase_container_depth()
                val problem = org.zeri.shared.GpsProblem.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return GpsUnavailable(problem)
            }
        }
    }

    data class MunicipalitySelected(
        val id: String,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(5)
            serializer.serialize_str(id)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): MunicipalitySelected {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return MunicipalitySelected(id)
            }
        }
    }

    /// A photo as JPEG bytes (the shell compresses camera and gallery images to JPEG).
    data class PhotoAdded(
        val jpeg: Bytes,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(6)
            serializer.serialize_bytes(jpeg)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): PhotoAdded {
                deserializer.increase_container_depth()
                val jpeg = deserializer.deserialize_bytes()
                deserializer.decrease_container_depth()
                return PhotoAdded(jpeg)
            }
        }
    }

    data class PhotoRemoved(
        val index: UInt,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(7)
            serializer.serialize_u32(index)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): PhotoRemoved {
                deserializer.increase_container_depth()
                val index = deserializer.deserialize_u32()
                deserializer.decrease_container_depth()
                return PhotoRemoved(index)
            }
        }
    }

    data class AnonymousToggled(
        val anonymous: Boolean,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(8)
            serializer.serialize_bool(anonymous)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): AnonymousToggled {
                deserializer.increase_container_depth()
                val anonymous = deserializer.deserialize_bool()
                deserializer.decrease_container_depth()
                return AnonymousToggled(anonymous)
            }
        }
    }

    data class ContactNameChanged(
        val text: String,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(9)
            serializer.serialize_str(text)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): ContactNameChanged {
                deserializer.increase_container_depth()
                val text = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return ContactNameChanged(text)
            }
        }
    }

    data class ContactPhoneChanged(
        val text: String,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(10)
            serializer.serialize_str(text)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): ContactPhoneChanged {
                deserializer.increase_container_depth()
                val text = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return ContactPhoneChanged(text)
            }
        }
    }

    data class ContactEmailChanged(
        val text: String,
    ) : DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(11)
            serializer.serialize_str(text)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): ContactEmailChanged {
                deserializer.increase_container_depth()
                val text = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return ContactEmailChanged(text)
            }
        }
    }

    /// Send the draft: it is checked, then queued in the outbox.
    data object SubmitTapped: DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(12)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): SubmitTapped {
            return SubmitTapped
        }
    }

    data object DraftDiscarded: DraftEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(13)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): DraftDiscarded {
            return DraftDiscarded
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): DraftEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> CategorySearchChanged.deserialize(deserializer)
                1 -> CategorySelected.deserialize(deserializer)
                2 -> DescriptionChanged.deserialize(deserializer)
                3 -> GpsLocated.deserialize(deserializer)
                4 -> GpsUnavailable.deserialize(deserializer)
                5 -> MunicipalitySelected.deserialize(deserializer)
                6 -> PhotoAdded.deserialize(deserializer)
                7 -> PhotoRemoved.deserialize(deserializer)
                8 -> AnonymousToggled.deserialize(deserializer)
                9 -> ContactNameChanged.deserialize(deserializer)
                10 -> ContactPhoneChanged.deserialize(deserializer)
                11 -> ContactEmailChanged.deserialize(deserializer)
                12 -> SubmitTapped.deserialize(deserializer)
                13 -> DraftDiscarded.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for DraftEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): DraftEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class DraftView(
    val title: String,
    val category: org.zeri.shared.CategoryFieldView,
    val description: org.zeri.shared.TextFieldView,
    val location: org.zeri.shared.LocationFieldView,
    val photos: org.zeri.shared.PhotosFieldView,
    val anonymous: org.zeri.shared.ToggleView,
    /// Contact fields are shown only when the complaint is not anonymous.
    val showContact: Boolean,
    val contactName: org.zeri.shared.TextFieldView,
    val contactPhone: org.zeri.shared.TextFieldView,
    val contactEmail: org.zeri.shared.TextFieldView,
    val contactError: String? = null,
    val submitLabel: String,
    val canSubmit: Boolean,
    val submitting: Boolean,
    val discardLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        category.serialize(serializer)
        description.serialize(serializer)
        location.serialize(serializer)
        photos.serialize(serializer)
        anonymous.serialize(serializer)
        serializer.serialize_bool(showContact)
        contactName.serialize(serializer)
        contactPhone.serialize(serializer)
        contactEmail.serialize(serializer)
        contactError.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.serialize_str(submitLabel)
        serializer.serialize_bool(canSubmit)
        serializer.serialize_bool(submitting)
        serializer.serialize_str(discardLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): DraftView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val category = org.zeri.shared.CategoryFieldView.deserialize(deserializer)
            val description = org.zeri.shared.TextFieldView.deserialize(deserializer)
            val location = org.zeri.shared.LocationFieldView.deserialize(deserializer)
            val photos = org.zeri.shared.PhotosFieldView.deserialize(deserializer)
            val anonymous = org.zeri.shared.ToggleView.deserialize(deserializer)
            val showContact = deserializer.deserialize_bool()
            val contactName = org.zeri.shared.TextFieldView.deserialize(deserializer)
            val contactPhone = org.zeri.shared.TextFieldView.deserialize(deserializer)
            val contactEmail = org.zeri.shared.TextFieldView.deserialize(deserializer)
            val contactError =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val submitLabel = deserializer.deserialize_str()
            val canSubmit = deserializer.deserialize_bool()
            val submitting = deserializer.deserialize_bool()
            val discardLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return DraftView(title, category, description, location, photos, anonymous, showContact, contactName, contactPhone, contactEmail, contactError, submitLabel, canSubmit, submitting, discardLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): DraftView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Represents a duration of time, internally stored as nanoseconds
data class Duration(
    val nanos: ULong,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_u64(nanos)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): Duration {
            deserializer.increase_container_depth()
            val nanos = deserializer.deserialize_u64()
            deserializer.decrease_container_depth()
            return Duration(nanos)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Duration {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface Effect {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data class Render(
        val value: org.zeri.shared.RenderOperation,
    ) : Effect {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Render {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.RenderOperation.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Render(value)
            }
        }
    }

    data class Http(
        val value: org.zeri.shared.HttpRequest,
    ) : Effect {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Http {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.HttpRequest.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Http(value)
            }
        }
    }

    data class KeyValue(
        val value: org.zeri.shared.KeyValueOperation,
    ) : Effect {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): KeyValue {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.KeyValueOperation.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return KeyValue(value)
            }
        }
    }

    data class Time(
        val value: org.zeri.shared.TimeRequest,
    ) : Effect {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Time {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.TimeRequest.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Time(value)
            }
        }
    }

    data class Notification(
        val value: org.zeri.shared.NotificationOperation,
    ) : Effect {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Notification {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.NotificationOperation.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Notification(value)
            }
        }
    }

    data class Export(
        val value: org.zeri.shared.ExportOperation,
    ) : Effect {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(5)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Export {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.ExportOperation.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Export(value)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): Effect {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Render.deserialize(deserializer)
                1 -> Http.deserialize(deserializer)
                2 -> KeyValue.deserialize(deserializer)
                3 -> Time.deserialize(deserializer)
                4 -> Notification.deserialize(deserializer)
                5 -> Export.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for Effect: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Effect {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Erasing everything: the button sends `MyDataEvent::EraseTapped`, which asks first
/// (`confirm`); then `EraseConfirmed` or `EraseCancelled`.
data class EraseView(
    val title: String,
    val explanation: String,
    /// None while an erasure is queued.
    val buttonLabel: String? = null,
    val confirm: org.zeri.shared.ConfirmView? = null,
    /// "Your data will be erased when the phone reaches the server."
    val pending: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(explanation)
        buttonLabel.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        confirm.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        pending.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): EraseView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val explanation = deserializer.deserialize_str()
            val buttonLabel =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val confirm =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.ConfirmView.deserialize(deserializer)
                }
            val pending =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return EraseView(title, explanation, buttonLabel, confirm, pending)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): EraseView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface Event {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// The app's life: started, foregrounded, back online.
    data class Lifecycle(
        val value: org.zeri.shared.LifecycleEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Lifecycle {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.LifecycleEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Lifecycle(value)
            }
        }
    }

    /// Moving between screens.
    data class Navigation(
        val value: org.zeri.shared.NavigationEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Navigation {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.NavigationEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Navigation(value)
            }
        }
    }

    /// The language, and the welcome screen.
    data class Settings(
        val value: org.zeri.shared.SettingsEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Settings {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.SettingsEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Settings(value)
            }
        }
    }

    /// The app was opened with a link (`zeri://…`, or a campaign's web link).
    data class Link(
        val value: org.zeri.shared.LinkEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Link {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.LinkEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Link(value)
            }
        }
    }

    /// Writing a complaint.
    data class Draft(
        val value: org.zeri.shared.DraftEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Draft {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.DraftEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Draft(value)
            }
        }
    }

    /// What the server refused, waiting for the citizen.
    data class Outbox(
        val value: org.zeri.shared.OutboxEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(5)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Outbox {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.OutboxEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Outbox(value)
            }
        }
    }

    /// The citizen's complaints: refreshing, rating, reopening.
    data class MyComplaints(
        val value: org.zeri.shared.MyComplaintsEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(6)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): MyComplaints {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.MyComplaintsEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return MyComplaints(value)
            }
        }
    }

    /// The citizen's data: reading it, keeping it, removing contact details, erasing.
    data class MyData(
        val value: org.zeri.shared.MyDataEvent,
    ) : Event {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(7)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): MyData {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.MyDataEvent.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return MyData(value)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): Event {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Lifecycle.deserialize(deserializer)
                1 -> Navigation.deserialize(deserializer)
                2 -> Settings.deserialize(deserializer)
                3 -> Link.deserialize(deserializer)
                4 -> Draft.deserialize(deserializer)
                5 -> Outbox.deserialize(deserializer)
                6 -> MyComplaints.deserialize(deserializer)
                7 -> MyData.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for Event: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Event {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// A file for the citizen to keep, its text in UTF-8.
data class ExportOperation(
    /// What to call it, such as `zeri-my-data-2026-12-03.json`.
    val fileName: String,
    /// Its media type, such as `application/json`.
    val mediaType: String,
    val text: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(fileName)
        serializer.serialize_str(mediaType)
        serializer.serialize_str(text)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ExportOperation {
            deserializer.increase_container_depth()
            val fileName = deserializer.deserialize_str()
            val mediaType = deserializer.deserialize_str()
            val text = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return ExportOperation(fileName, mediaType, text)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ExportOperation {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Why the phone gave no location.
enum class GpsProblem {
    /// Location is switched off on the phone.
    SWITCHEDOFF,
    /// The citizen did not allow the app to use their location.
    PERMISSIONDENIED,
    /// Location is on and allowed, but no fix came in time.
    NOFIX;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): GpsProblem {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> SWITCHEDOFF
                1 -> PERMISSIONDENIED
                2 -> NOFIX
                else -> throw DeserializationError("Unknown variant index for GpsProblem: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): GpsProblem {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Which of the phone's settings pages fixes a location problem.
enum class GpsSettingsPage {
    /// The phone's location switch.
    LOCATIONSERVICES,
    /// The app's own permissions.
    APPPERMISSIONS;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): GpsSettingsPage {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> LOCATIONSERVICES
                1 -> APPPERMISSIONS
                else -> throw DeserializationError("Unknown variant index for GpsSettingsPage: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): GpsSettingsPage {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class GpsSettingsView(
    val label: String,
    val page: org.zeri.shared.GpsSettingsPage,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        page.serialize(serializer)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): GpsSettingsView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val page = org.zeri.shared.GpsSettingsPage.deserialize(deserializer)
            deserializer.decrease_container_depth()
            return GpsSettingsView(label, page)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): GpsSettingsView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// One complaint as the server holds it: a heading and each thing kept, labelled.
data class HeldComplaintView(
    val id: String,
    val title: String,
    val rows: List<org.zeri.shared.DataRowView>,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(id)
        serializer.serialize_str(title)
        rows.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): HeldComplaintView {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_str()
            val title = deserializer.deserialize_str()
            val rows =
                deserializer.deserializeListOf {
                    org.zeri.shared.DataRowView.deserialize(deserializer)
                }
            deserializer.decrease_container_depth()
            return HeldComplaintView(id, title, rows)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): HeldComplaintView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class HomeView(
    val title: String,
    val intro: String,
    val newComplaintLabel: String,
    val myComplaintsLabel: String,
    /// "2 complaints waiting to be sent", when any are.
    val outboxSummary: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(intro)
        serializer.serialize_str(newComplaintLabel)
        serializer.serialize_str(myComplaintsLabel)
        outboxSummary.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): HomeView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val intro = deserializer.deserialize_str()
            val newComplaintLabel = deserializer.deserialize_str()
            val myComplaintsLabel = deserializer.deserialize_str()
            val outboxSummary =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return HomeView(title, intro, newComplaintLabel, myComplaintsLabel, outboxSummary)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): HomeView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// An error produced when an HTTP request fails.
/// 
/// Variants fall into two groups:
/// 
/// **Transport errors** — generated by the shell when it cannot complete the HTTP
/// exchange. These cross the FFI boundary and are serialized in the protocol:
/// [`Url`](HttpError::Url), [`Io`](HttpError::Io), [`Timeout`](HttpError::Timeout).
/// 
/// **Processing errors** — generated on the Rust side after a response arrives.
/// These are never serialized or visible to shells:
/// 
/// - [`Http`](HttpError::Http) — produced by `Response::new()` when the server returns
/// a 4xx or 5xx status, and **only** then. At the *protocol* level these arrive as
/// [`HttpResult::Ok`](crate::protocol::HttpResult::Ok); `Response::new()` converts
/// them here, so app code using `crux_http::Result<Response<T>>` will see them as
/// `Err(HttpError::Http { code, .. })` — **never** as `Ok(response)` with an error
/// status.
/// - [`Json`](HttpError::Json) — produced when response body deserialisation fails.
/// - [`BodyAlreadyTaken`](HttpError::BodyAlreadyTaken) — a caller took the response body
/// twice.
/// - [`InvalidStatusCode`](HttpError::InvalidStatusCode) — the shell sent a status that
/// isn't valid HTTP.
/// 
/// # Reading what the server said
/// 
/// Because a rejection arrives as an error rather than a response, everything the server
/// sent with it lives on this type: [`HttpError::body`] and [`HttpError::body_json`] for
/// the body, [`HttpError::header`] and [`HttpError::content_type`] for the headers. No
/// matching on the variant's fields required:
/// 
/// ```
/// # use serde::Deserialize;
/// #[derive(Deserialize)]
/// struct ApiError {
/// error: String,
/// }
/// 
/// // the `crux_http::Result` a feature receives when the server rejects a request
/// let result: crux_http::Result<crux_http::Response<Vec<u8>>> =
/// crux_http::testing::rejection(409, r#"{"error":"that overlaps a booked day"}"#);
/// 
/// let error = result.expect_err("a 409 is never Ok");
/// assert_eq!(error.code(), Some(409));
/// assert_eq!(
/// error.body_json::<ApiError>().unwrap().error,
/// "that overlaps a booked day"
/// );
/// ```
sealed interface HttpError {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// The request URL could not be parsed.
    data class Url(
        val value: String,
    ) : HttpError {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.serialize_str(value)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Url {
                deserializer.increase_container_depth()
                val value = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Url(value)
            }
        }
    }

    /// An IO error prevented the request from completing.
    data class Io(
        val value: String,
    ) : HttpError {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.serialize_str(value)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Io {
                deserializer.increase_container_depth()
                val value = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Io(value)
            }
        }
    }

    /// The request timed out before a response was received.
    data object Timeout: HttpError {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): Timeout {
            return Timeout
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): HttpError {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Url.deserialize(deserializer)
                1 -> Io.deserialize(deserializer)
                2 -> Timeout.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for HttpError: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): HttpError {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class HttpHeader(
    val name: String,
    val value: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(name)
        serializer.serialize_str(value)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): HttpHeader {
            deserializer.increase_container_depth()
            val name = deserializer.deserialize_str()
            val value = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return HttpHeader(name, value)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): HttpHeader {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// A raw HTTP request, as sent to the shell over the protocol boundary.
/// 
/// # No header validation
/// 
/// All fields are plain strings. Header names and values are carried as-is with no
/// validation against the HTTP specification. This is intentional: `HttpRequest` is a
/// cross-language data carrier deserialised by Swift, Kotlin, and TypeScript shells;
/// Rust's `http`-crate validation rules cannot be enforced on the other side of that
/// boundary.
/// 
/// **Shell authors must not assume that header names or values are well-formed.**
/// Pass them to your underlying HTTP client as-is — it will apply its own rules.
/// 
/// For the ergonomic Rust-side builder that *does* validate header values (and panics
/// on invalid input), see [`crate::command::RequestBuilder`].
data class HttpRequest(
    val method: String,
    val url: String,
    val headers: List<org.zeri.shared.HttpHeader>,
    val body: Bytes,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(method)
        serializer.serialize_str(url)
        headers.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.serialize_bytes(body)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): HttpRequest {
            deserializer.increase_container_depth()
            val method = deserializer.deserialize_str()
            val url = deserializer.deserialize_str()
            val headers =
                deserializer.deserializeListOf {
                    org.zeri.shared.HttpHeader.deserialize(deserializer)
                }
            val body = deserializer.deserialize_bytes()
            deserializer.decrease_container_depth()
            return HttpRequest(method, url, headers, body)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): HttpRequest {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class HttpResponse(
    val status: UShort,
    val headers: List<org.zeri.shared.HttpHeader>,
    val body: Bytes,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_u16(status)
        headers.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.serialize_bytes(body)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): HttpResponse {
            deserializer.increase_container_depth()
            val status = deserializer.deserialize_u16()
            val headers =
                deserializer.deserializeListOf {
                    org.zeri.shared.HttpHeader.deserialize(deserializer)
                }
            val body = deserializer.deserialize_bytes()
            deserializer.decrease_container_depth()
            return HttpResponse(status, headers, body)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): HttpResponse {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// The result of an HTTP request, as returned by the shell over the protocol boundary.
/// 
/// # Status codes are not errors
/// 
/// Any completed HTTP exchange — including responses with 4xx or 5xx status codes — is
/// returned as [`HttpResult::Ok`]. Only *transport-level* failures (the shell could not
/// reach the server at all) produce [`HttpResult::Err`].
/// 
/// To act on an error status, inspect [`HttpResponse::status`]:
/// 
/// ```
/// # use crux_http::protocol::{HttpResult, HttpResponse};
/// # use crux_http::HttpError;
/// # fn handle(result: HttpResult) {
/// match result {
/// HttpResult::Ok(response) if response.status == 200 => { /* success */ }
/// HttpResult::Ok(response) if response.status == 404 => { /* not found */ }
/// HttpResult::Ok(response) if response.status >= 500 => { /* server error */ }
/// HttpResult::Ok(_) => { /* other status */ }
/// HttpResult::Err(e) => { /* transport failure: bad URL, IO error, or timeout */ }
/// }
/// # }
/// ```
sealed interface HttpResult {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// The shell completed the HTTP exchange. The response may carry any status code,
    /// including 4xx and 5xx — inspect [`HttpResponse::status`] to distinguish them.
    data class Ok(
        val value: org.zeri.shared.HttpResponse,
    ) : HttpResult {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Ok {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.HttpResponse.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Ok(value)
            }
        }
    }

    /// The shell could not complete the HTTP exchange due to a transport-level failure.
    /// See [`HttpError`] for the possible causes.
    data class Err(
        val value: org.zeri.shared.HttpError,
    ) : HttpResult {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Err {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.HttpError.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Err(value)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): HttpResult {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Ok.deserialize(deserializer)
                1 -> Err.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for HttpResult: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): HttpResult {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Represents a point in time (UTC):
/// 
/// - seconds: number of seconds since the Unix epoch (1970-01-01T00:00:00Z)
/// - nanos: number of nanoseconds since the last second
data class Instant(
    val seconds: ULong,
    val nanos: UInt,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_u64(seconds)
        serializer.serialize_u32(nanos)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): Instant {
            deserializer.increase_container_depth()
            val seconds = deserializer.deserialize_u64()
            val nanos = deserializer.deserialize_u32()
            deserializer.decrease_container_depth()
            return Instant(seconds, nanos)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Instant {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Error type for `KeyValue` operations
sealed interface KeyValueError {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data class Io(
        val message: String,
    ) : KeyValueError {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.serialize_str(message)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Io {
                deserializer.increase_container_depth()
                val message = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Io(message)
            }
        }
    }

    data object Timeout: KeyValueError {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): Timeout {
            return Timeout
        }
    }

    data object CursorNotFound: KeyValueError {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): CursorNotFound {
            return CursorNotFound
        }
    }

    data class Other(
        val message: String,
    ) : KeyValueError {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.serialize_str(message)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Other {
                deserializer.increase_container_depth()
                val message = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Other(message)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): KeyValueError {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Io.deserialize(deserializer)
                1 -> Timeout.deserialize(deserializer)
                2 -> CursorNotFound.deserialize(deserializer)
                3 -> Other.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for KeyValueError: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): KeyValueError {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Supported operations
sealed interface KeyValueOperation {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// Read bytes stored under a key
    data class Get(
        val key: String,
    ) : KeyValueOperation {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.serialize_str(key)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Get {
                deserializer.increase_container_depth()
                val key = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Get(key)
            }
        }
    }

    /// Write bytes under a key
    data class Set(
        val key: String,
        val value: List<UByte>,
    ) : KeyValueOperation {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.serialize_str(key)
            value.serialize(serializer) {
                serializer.serialize_u8(it)
            }
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Set {
                deserializer.increase_container_depth()
                val key = deserializer.deserialize_str()
                val value =
                    deserializer.deserializeListOf {
                        deserializer.deserialize_u8()
                    }
                deserializer.decrease_container_depth()
                return Set(key, value)
            }
        }
    }

    /// Remove a key and its value
    data class Delete(
        val key: String,
    ) : KeyValueOperation {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.serialize_str(key)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Delete {
                deserializer.increase_container_depth()
                val key = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Delete(key)
            }
        }
    }

    /// Test if a key exists
    data class Exists(
        val key: String,
    ) : KeyValueOperation {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.serialize_str(key)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Exists {
                deserializer.increase_container_depth()
                val key = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Exists(key)
            }
        }
    }

    data class ListKeys(
        /// The prefix to list keys for, or an empty string to list all keys
        val prefix: String,
        /// The cursor to start listing from, or 0 to start from the beginning.
        /// If there are more keys to list, the response will include a new cursor.
        /// If there are no more keys, the response will include a cursor of 0.
        /// The cursor is opaque to the caller, and should be passed back to the
        /// `ListKeys` operation to continue listing keys.
        /// If the cursor is not found for the specified prefix, the response will include
        /// a `KeyValueError::CursorNotFound` error.
        val cursor: ULong,
    ) : KeyValueOperation {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            serializer.serialize_str(prefix)
            serializer.serialize_u64(cursor)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): ListKeys {
                deserializer.increase_container_depth()
                val prefix = deserializer.deserialize_str()
                val cursor = deserializer.deserialize_u64()
                deserializer.decrease_container_depth()
                return ListKeys(prefix, cursor)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): KeyValueOperation {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Get.deserialize(deserializer)
                1 -> Set.deserialize(deserializer)
                2 -> Delete.deserialize(deserializer)
                3 -> Exists.deserialize(deserializer)
                4 -> ListKeys.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for KeyValueOperation: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): KeyValueOperation {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface KeyValueResponse {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// Response to a `KeyValueOperation::Get`,
    /// returning the value stored under the key, which may be empty
    data class Get(
        val value: org.zeri.shared.Value,
    ) : KeyValueResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Get {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.Value.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Get(value)
            }
        }
    }

    /// Response to a `KeyValueOperation::Set`,
    /// returning the value that was previously stored under the key, may be empty
    data class Set(
        val previous: org.zeri.shared.Value,
    ) : KeyValueResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            previous.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Set {
                deserializer.increase_container_depth()
                val previous = org.zeri.shared.Value.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Set(previous)
            }
        }
    }

    /// Response to a `KeyValueOperation::Delete`,
    /// returning the value that was previously stored under the key, may be empty
    data class Delete(
        val previous: org.zeri.shared.Value,
    ) : KeyValueResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            previous.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Delete {
                deserializer.increase_container_depth()
                val previous = org.zeri.shared.Value.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Delete(previous)
            }
        }
    }

    /// Response to a `KeyValueOperation::Exists`,
    /// returning whether the key is present in the store
    data class Exists(
        val isPresent: Boolean,
    ) : KeyValueResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.serialize_bool(isPresent)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Exists {
                deserializer.increase_container_depth()
                val isPresent = deserializer.deserialize_bool()
                deserializer.decrease_container_depth()
                return Exists(isPresent)
            }
        }
    }

    /// Response to a `KeyValueOperation::ListKeys`,
    /// returning a list of keys that start with the prefix, and a cursor to continue listing
    /// if there are more keys
    /// 
    /// Note: the cursor is 0 if there are no more keys
    data class ListKeys(
        val keys: List<String>,
        /// The cursor to continue listing keys, or 0 if there are no more keys.
        /// If the cursor is not found for the specified prefix, the response should instead
        /// include a `KeyValueError::CursorNotFound` error.
        val nextCursor: ULong,
    ) : KeyValueResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            keys.serialize(serializer) {
                serializer.serialize_str(it)
            }
            serializer.serialize_u64(nextCursor)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): ListKeys {
                deserializer.increase_container_depth()
                val keys =
                    deserializer.deserializeListOf {
                        deserializer.deserialize_str()
                    }
                val nextCursor = deserializer.deserialize_u64()
                deserializer.decrease_container_depth()
                return ListKeys(keys, nextCursor)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): KeyValueResponse {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Get.deserialize(deserializer)
                1 -> Set.deserialize(deserializer)
                2 -> Delete.deserialize(deserializer)
                3 -> Exists.deserialize(deserializer)
                4 -> ListKeys.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for KeyValueResponse: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): KeyValueResponse {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// The result of an operation on the store.
/// 
/// Note: we can't use [`core::result::Result`] here because it is not currently
/// supported across the FFI boundary, when using `typegen` or `facet_typegen`.
sealed interface KeyValueResult {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data class Ok(
        val response: org.zeri.shared.KeyValueResponse,
    ) : KeyValueResult {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            response.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Ok {
                deserializer.increase_container_depth()
                val response = org.zeri.shared.KeyValueResponse.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Ok(response)
            }
        }
    }

    data class Err(
        val error: org.zeri.shared.KeyValueError,
    ) : KeyValueResult {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            error.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Err {
                deserializer.increase_container_depth()
                val error = org.zeri.shared.KeyValueError.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Err(error)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): KeyValueResult {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Ok.deserialize(deserializer)
                1 -> Err.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for KeyValueResult: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): KeyValueResult {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// The languages of the interface.
enum class Language {
    ALBANIAN,
    SERBIANLATIN,
    SERBIANCYRILLIC,
    ENGLISH;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): Language {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> ALBANIAN
                1 -> SERBIANLATIN
                2 -> SERBIANCYRILLIC
                3 -> ENGLISH
                else -> throw DeserializationError("Unknown variant index for Language: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Language {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class LanguageOption(
    val language: org.zeri.shared.Language,
    val label: String,
    val selected: Boolean,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        language.serialize(serializer)
        serializer.serialize_str(label)
        serializer.serialize_bool(selected)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): LanguageOption {
            deserializer.increase_container_depth()
            val language = org.zeri.shared.Language.deserialize(deserializer)
            val label = deserializer.deserialize_str()
            val selected = deserializer.deserialize_bool()
            deserializer.decrease_container_depth()
            return LanguageOption(language, label, selected)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): LanguageOption {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface LifecycleEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// The app launched. `api_base_url` is the server it was built for, e.g.
    /// `https://zeri.example`; `debug_build` says it is a developer's build, which a server
    /// link may point at any server (see [`crate::servers`]).
    data class Started(
        val apiBaseUrl: String,
        val debugBuild: Boolean,
    ) : LifecycleEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.serialize_str(apiBaseUrl)
            serializer.serialize_bool(debugBuild)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Started {
                deserializer.increase_container_depth()
                val apiBaseUrl = deserializer.deserialize_str()
                val debugBuild = deserializer.deserialize_bool()
                deserializer.decrease_container_depth()
                return Started(apiBaseUrl, debugBuild)
            }
        }
    }

    /// The app came back to the foreground.
    data object Foregrounded: LifecycleEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): Foregrounded {
            return Foregrounded
        }
    }

    /// The phone's network came back.
    data object NetworkOnline: LifecycleEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): NetworkOnline {
            return NetworkOnline
        }
    }

    /// Try reading the stored state again after it failed.
    data object RetryLoadTapped: LifecycleEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): RetryLoadTapped {
            return RetryLoadTapped
        }
    }

    /// The app was woken while not in front: by a push, or by the system's periodic
    /// background refresh (WorkManager, BGAppRefreshTask). The core sends what waits and asks
    /// what changed, and tells the citizen of it.
    data object WokenInBackground: LifecycleEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): WokenInBackground {
            return WokenInBackground
        }
    }

    /// The push provider gave this app `token` (on every start, and when it renews it).
    data class PushTokenIssued(
        val provider: org.zeri.shared.PushProvider,
        val token: String,
    ) : LifecycleEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(5)
            provider.serialize(serializer)
            serializer.serialize_str(token)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): PushTokenIssued {
                deserializer.increase_container_depth()
                val provider = org.zeri.shared.PushProvider.deserialize(deserializer)
                val token = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return PushTokenIssued(provider, token)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): LifecycleEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Started.deserialize(deserializer)
                1 -> Foregrounded.deserialize(deserializer)
                2 -> NetworkOnline.deserialize(deserializer)
                3 -> RetryLoadTapped.deserialize(deserializer)
                4 -> WokenInBackground.deserialize(deserializer)
                5 -> PushTokenIssued.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for LifecycleEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): LifecycleEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface LinkEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// The app was opened with `url`, exactly as the phone received it.
    data class Opened(
        val url: String,
    ) : LinkEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.serialize_str(url)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Opened {
                deserializer.increase_container_depth()
                val url = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return Opened(url)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): LinkEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Opened.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for LinkEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): LinkEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class LoadFailedView(
    val message: String,
    val retryLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(message)
        serializer.serialize_str(retryLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): LoadFailedView {
            deserializer.increase_container_depth()
            val message = deserializer.deserialize_str()
            val retryLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return LoadFailedView(message, retryLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): LoadFailedView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class LocationFieldView(
    val label: String,
    val useGpsLabel: String,
    /// What was chosen, in words: "GPS: 42.66321, 21.16541" or "Municipality: Gjilan".
    val summary: String? = null,
    val municipalityLabel: String,
    /// The picker's first row, selected while no municipality is.
    val municipalityPlaceholder: String,
    val municipalities: List<org.zeri.shared.ChoiceOption>,
    val error: String? = null,
    /// Why "use my location" gave nothing, and what the citizen can do instead.
    val gpsProblem: String? = null,
    /// A button to the phone's settings that would fix it.
    val gpsSettings: org.zeri.shared.GpsSettingsView? = null,
    /// Putting a pin on a map instead of using the phone's location.
    val map: org.zeri.shared.MapPickerView,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        serializer.serialize_str(useGpsLabel)
        summary.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.serialize_str(municipalityLabel)
        serializer.serialize_str(municipalityPlaceholder)
        municipalities.serialize(serializer) {
            it.serialize(serializer)
        }
        error.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        gpsProblem.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        gpsSettings.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        map.serialize(serializer)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): LocationFieldView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val useGpsLabel = deserializer.deserialize_str()
            val summary =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val municipalityLabel = deserializer.deserialize_str()
            val municipalityPlaceholder = deserializer.deserialize_str()
            val municipalities =
                deserializer.deserializeListOf {
                    org.zeri.shared.ChoiceOption.deserialize(deserializer)
                }
            val error =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val gpsProblem =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val gpsSettings =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.GpsSettingsView.deserialize(deserializer)
                }
            val map = org.zeri.shared.MapPickerView.deserialize(deserializer)
            deserializer.decrease_container_depth()
            return LocationFieldView(label, useGpsLabel, summary, municipalityLabel, municipalityPlaceholder, municipalities, error, gpsProblem, gpsSettings, map)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): LocationFieldView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// The map a citizen moves until the pin is on the problem; the shell draws it and sends the
/// pin's point as `Event::GpsLocated`.
data class MapPickerView(
    val openLabel: String,
    val hint: String,
    val confirmLabel: String,
    val cancelLabel: String,
    /// Where the map opens: the point already chosen, or the middle of Kosovo.
    val centerLat: Double,
    val centerLon: Double,
    val attribution: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(openLabel)
        serializer.serialize_str(hint)
        serializer.serialize_str(confirmLabel)
        serializer.serialize_str(cancelLabel)
        serializer.serialize_f64(centerLat)
        serializer.serialize_f64(centerLon)
        serializer.serialize_str(attribution)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): MapPickerView {
            deserializer.increase_container_depth()
            val openLabel = deserializer.deserialize_str()
            val hint = deserializer.deserialize_str()
            val confirmLabel = deserializer.deserialize_str()
            val cancelLabel = deserializer.deserialize_str()
            val centerLat = deserializer.deserialize_f64()
            val centerLon = deserializer.deserialize_f64()
            val attribution = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return MapPickerView(openLabel, hint, confirmLabel, cancelLabel, centerLat, centerLon, attribution)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): MapPickerView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class MessageFormView(
    /// Set when the complaint waits for the citizen's answer: the question, to show above.
    val question: String? = null,
    val prompt: String,
    val textLabel: String,
    val addPhotoLabel: String,
    /// Attached so far, each with its remove button's label.
    val photos: List<org.zeri.shared.MessagePhotoView>,
    /// Whether another photo can be added.
    val canAddPhoto: Boolean,
    val submitLabel: String,
    /// Messages written and still on their way, one line each.
    val pending: List<String>,
    val error: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        question.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.serialize_str(prompt)
        serializer.serialize_str(textLabel)
        serializer.serialize_str(addPhotoLabel)
        photos.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.serialize_bool(canAddPhoto)
        serializer.serialize_str(submitLabel)
        pending.serialize(serializer) {
            serializer.serialize_str(it)
        }
        error.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): MessageFormView {
            deserializer.increase_container_depth()
            val question =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val prompt = deserializer.deserialize_str()
            val textLabel = deserializer.deserialize_str()
            val addPhotoLabel = deserializer.deserialize_str()
            val photos =
                deserializer.deserializeListOf {
                    org.zeri.shared.MessagePhotoView.deserialize(deserializer)
                }
            val canAddPhoto = deserializer.deserialize_bool()
            val submitLabel = deserializer.deserialize_str()
            val pending =
                deserializer.deserializeListOf {
                    deserializer.deserialize_str()
                }
            val error =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return MessageFormView(question, prompt, textLabel, addPhotoLabel, photos, canAddPhoto, submitLabel, pending, error)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): MessageFormView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class MessagePhotoView(
    val label: String,
    val removeLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        serializer.serialize_str(removeLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): MessagePhotoView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val removeLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return MessagePhotoView(label, removeLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): MessagePhotoView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// `id` is a complaint's, as the view model gives it; any other id is ignored.
sealed interface MyComplaintsEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data object RefreshRequested: MyComplaintsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): RefreshRequested {
            return RefreshRequested
        }
    }

    data class RatingSubmitted(
        val id: String,
        val stars: UByte,
        val comment: String,
    ) : MyComplaintsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.serialize_str(id)
            serializer.serialize_u8(stars)
            serializer.serialize_str(comment)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): RatingSubmitted {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                val stars = deserializer.deserialize_u8()
                val comment = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return RatingSubmitted(id, stars, comment)
            }
        }
    }

    data class ReopenSubmitted(
        val id: String,
        val reason: String,
    ) : MyComplaintsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.serialize_str(id)
            serializer.serialize_str(reason)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): ReopenSubmitted {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                val reason = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return ReopenSubmitted(id, reason)
            }
        }
    }

    /// A photo (JPEG bytes) for the message being written about complaint `id`.
    data class MessagePhotoAdded(
        val id: String,
        val jpeg: Bytes,
    ) : MyComplaintsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.serialize_str(id)
            serializer.serialize_bytes(jpeg)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): MessagePhotoAdded {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                val jpeg = deserializer.deserialize_bytes()
                deserializer.decrease_container_depth()
                return MessagePhotoAdded(id, jpeg)
            }
        }
    }

    data class MessagePhotoRemoved(
        val id: String,
        val index: UInt,
    ) : MyComplaintsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            serializer.serialize_str(id)
            serializer.serialize_u32(index)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): MessagePhotoRemoved {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                val index = deserializer.deserialize_u32()
                deserializer.decrease_container_depth()
                return MessagePhotoRemoved(id, index)
            }
        }
    }

    /// Send the message about complaint `id`: an answer to its question, or information added.
    data class MessageSubmitted(
        val id: String,
        val text: String,
    ) : MyComplaintsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(5)
            serializer.serialize_str(id)
            serializer.serialize_str(text)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): MessageSubmitted {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                val text = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return MessageSubmitted(id, text)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): MyComplaintsEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> RefreshRequested.deserialize(deserializer)
                1 -> RatingSubmitted.deserialize(deserializer)
                2 -> ReopenSubmitted.deserialize(deserializer)
                3 -> MessagePhotoAdded.deserialize(deserializer)
                4 -> MessagePhotoRemoved.deserialize(deserializer)
                5 -> MessageSubmitted.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for MyComplaintsEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): MyComplaintsEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class MyComplaintsView(
    val title: String,
    val refreshLabel: String,
    val refreshing: Boolean,
    val pendingTitle: String,
    val pending: List<org.zeri.shared.OutboxItemView>,
    val items: List<org.zeri.shared.ComplaintCardView>,
    val emptyText: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(refreshLabel)
        serializer.serialize_bool(refreshing)
        serializer.serialize_str(pendingTitle)
        pending.serialize(serializer) {
            it.serialize(serializer)
        }
        items.serialize(serializer) {
            it.serialize(serializer)
        }
        emptyText.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): MyComplaintsView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val refreshLabel = deserializer.deserialize_str()
            val refreshing = deserializer.deserialize_bool()
            val pendingTitle = deserializer.deserialize_str()
            val pending =
                deserializer.deserializeListOf {
                    org.zeri.shared.OutboxItemView.deserialize(deserializer)
                }
            val items =
                deserializer.deserializeListOf {
                    org.zeri.shared.ComplaintCardView.deserialize(deserializer)
                }
            val emptyText =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return MyComplaintsView(title, refreshLabel, refreshing, pendingTitle, pending, items, emptyText)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): MyComplaintsView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface MyDataEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// Show "Your data", asking the server what it holds.
    data object Opened: MyDataEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): Opened {
            return Opened
        }
    }

    /// Ask the server again, after it could not be reached.
    data object ReloadTapped: MyDataEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): ReloadTapped {
            return ReloadTapped
        }
    }

    /// Keep what the server holds as a file (the shell's save or share sheet).
    data object ExportTapped: MyDataEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): ExportTapped {
            return ExportTapped
        }
    }

    /// Ask before erasing.
    data object EraseTapped: MyDataEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): EraseTapped {
            return EraseTapped
        }
    }

    data object EraseConfirmed: MyDataEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): EraseConfirmed {
            return EraseConfirmed
        }
    }

    data object EraseCancelled: MyDataEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(5)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): EraseCancelled {
            return EraseCancelled
        }
    }

    /// Take the contact details back from complaint `id` (as the view model gives it).
    data class RemoveContactTapped(
        val id: String,
    ) : MyDataEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(6)
            serializer.serialize_str(id)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): RemoveContactTapped {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return RemoveContactTapped(id)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): MyDataEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Opened.deserialize(deserializer)
                1 -> ReloadTapped.deserialize(deserializer)
                2 -> ExportTapped.deserialize(deserializer)
                3 -> EraseTapped.deserialize(deserializer)
                4 -> EraseConfirmed.deserialize(deserializer)
                5 -> EraseCancelled.deserialize(deserializer)
                6 -> RemoveContactTapped.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for MyDataEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): MyDataEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// "Your data": what the server holds about this phone's complaints, to read, keep and erase.
data class MyDataView(
    val intro: String,
    /// "Asking the server…", or that it could not be reached; otherwise none.
    val status: String? = null,
    val loading: Boolean,
    /// Sends `MyDataEvent::ReloadTapped`; set when the server could not be reached.
    val reloadLabel: String? = null,
    /// Once the server answered: "The server holds nothing about this phone's complaints."
    val empty: String? = null,
    val complaints: List<org.zeri.shared.HeldComplaintView>,
    /// The push services this phone is woken through, if any.
    val pushLine: String? = null,
    /// Sends `MyDataEvent::ExportTapped`; set once the server answered.
    val exportLabel: String? = null,
    val erase: org.zeri.shared.EraseView,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(intro)
        status.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.serialize_bool(loading)
        reloadLabel.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        empty.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        complaints.serialize(serializer) {
            it.serialize(serializer)
        }
        pushLine.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        exportLabel.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        erase.serialize(serializer)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): MyDataView {
            deserializer.increase_container_depth()
            val intro = deserializer.deserialize_str()
            val status =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val loading = deserializer.deserialize_bool()
            val reloadLabel =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val empty =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val complaints =
                deserializer.deserializeListOf {
                    org.zeri.shared.HeldComplaintView.deserialize(deserializer)
                }
            val pushLine =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val exportLabel =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val erase = org.zeri.shared.EraseView.deserialize(deserializer)
            deserializer.decrease_container_depth()
            return MyDataView(intro, status, loading, reloadLabel, empty, complaints, pushLine, exportLabel, erase)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): MyDataView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface NavigationEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data class NavigateTo(
        val screen: org.zeri.shared.Screen,
    ) : NavigationEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            screen.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): NavigateTo {
                deserializer.increase_container_depth()
                val screen = org.zeri.shared.Screen.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return NavigateTo(screen)
            }
        }
    }

    data class ComplaintOpened(
        val id: String,
    ) : NavigationEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.serialize_str(id)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): ComplaintOpened {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return ComplaintOpened(id)
            }
        }
    }

    data object BackTapped: NavigationEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): BackTapped {
            return BackTapped
        }
    }

    data object NoticeDismissed: NavigationEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): NoticeDismissed {
            return NoticeDismissed
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): NavigationEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> NavigateTo.deserialize(deserializer)
                1 -> ComplaintOpened.deserialize(deserializer)
                2 -> BackTapped.deserialize(deserializer)
                3 -> NoticeDismissed.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for NavigationEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): NavigationEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class NavigationView(
    val title: String,
    val backLabel: String,
    val canGoBack: Boolean,
    /// Whether the top and bottom bars show (not while starting, nor on the welcome screen).
    val showsBars: Boolean,
    val homeLabel: String,
    val newComplaintLabel: String,
    val myComplaintsLabel: String,
    val settingsLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(backLabel)
        serializer.serialize_bool(canGoBack)
        serializer.serialize_bool(showsBars)
        serializer.serialize_str(homeLabel)
        serializer.serialize_str(newComplaintLabel)
        serializer.serialize_str(myComplaintsLabel)
        serializer.serialize_str(settingsLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): NavigationView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val backLabel = deserializer.deserialize_str()
            val canGoBack = deserializer.deserialize_bool()
            val showsBars = deserializer.deserialize_bool()
            val homeLabel = deserializer.deserialize_str()
            val newComplaintLabel = deserializer.deserialize_str()
            val myComplaintsLabel = deserializer.deserialize_str()
            val settingsLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return NavigationView(title, backLabel, canGoBack, showsBars, homeLabel, newComplaintLabel, myComplaintsLabel, settingsLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): NavigationView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

enum class NoticeKind {
    INFO,
    SUCCESS,
    ERROR;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): NoticeKind {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> INFO
                1 -> SUCCESS
                2 -> ERROR
                else -> throw DeserializationError("Unknown variant index for NoticeKind: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): NoticeKind {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class NoticeView(
    val kind: org.zeri.shared.NoticeKind,
    val text: String,
    val dismissLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        kind.serialize(serializer)
        serializer.serialize_str(text)
        serializer.serialize_str(dismissLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): NoticeView {
            deserializer.increase_container_depth()
            val kind = org.zeri.shared.NoticeKind.deserialize(deserializer)
            val text = deserializer.deserialize_str()
            val dismissLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return NoticeView(kind, text, dismissLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): NoticeView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class Notification(
    /// One per complaint: a newer notification about it replaces the older.
    val id: String,
    val title: String,
    val body: String,
    /// What to send back as `LinkEvent::Opened` when the citizen taps it.
    val link: String,
    /// The channel (Android) or category (iOS) it belongs to.
    val channel: org.zeri.shared.NotificationChannel,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(id)
        serializer.serialize_str(title)
        serializer.serialize_str(body)
        serializer.serialize_str(link)
        channel.serialize(serializer)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): Notification {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_str()
            val title = deserializer.deserialize_str()
            val body = deserializer.deserialize_str()
            val link = deserializer.deserialize_str()
            val channel = org.zeri.shared.NotificationChannel.deserialize(deserializer)
            deserializer.decrease_container_depth()
            return Notification(id, title, body, link, channel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Notification {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Where the phone's settings list these notifications, in the citizen's language.
data class NotificationChannel(
    val id: String,
    val name: String,
    val description: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(id)
        serializer.serialize_str(name)
        serializer.serialize_str(description)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): NotificationChannel {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_str()
            val name = deserializer.deserialize_str()
            val description = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return NotificationChannel(id, name, description)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): NotificationChannel {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// What the core asks the shell to do with the phone's notifications. Neither has an answer.
sealed interface NotificationOperation {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// Show this notification, replacing any shown before under the same id.
    data class Show(
        val value: org.zeri.shared.Notification,
    ) : NotificationOperation {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Show {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.Notification.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Show(value)
            }
        }
    }

    /// Ask the citizen to allow notifications (Android 13 and later, iOS), once they have
    /// filed a complaint worth hearing about.
    data class AskPermission(
        val value: org.zeri.shared.NotificationChannel,
    ) : NotificationOperation {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            value.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): AskPermission {
                deserializer.increase_container_depth()
                val value = org.zeri.shared.NotificationChannel.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return AskPermission(value)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): NotificationOperation {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Show.deserialize(deserializer)
                1 -> AskPermission.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for NotificationOperation: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): NotificationOperation {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// What the citizen does with an item the server refused. `id` is the item's, as the view
/// model gives it; any other id is ignored.
sealed interface OutboxEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    /// Send it again as it is.
    data class RetryTapped(
        val id: String,
    ) : OutboxEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.serialize_str(id)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): RetryTapped {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return RetryTapped(id)
            }
        }
    }

    /// Take a refused complaint back into the draft.
    data class EditTapped(
        val id: String,
    ) : OutboxEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.serialize_str(id)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): EditTapped {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return EditTapped(id)
            }
        }
    }

    /// Drop it.
    data class DiscardTapped(
        val id: String,
    ) : OutboxEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.serialize_str(id)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): DiscardTapped {
                deserializer.increase_container_depth()
                val id = deserializer.deserialize_str()
                deserializer.decrease_container_depth()
                return DiscardTapped(id)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): OutboxEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> RetryTapped.deserialize(deserializer)
                1 -> EditTapped.deserialize(deserializer)
                2 -> DiscardTapped.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for OutboxEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): OutboxEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class OutboxItemView(
    val id: String,
    val title: String,
    val summary: String,
    val state: org.zeri.shared.OutboxState,
    val stateLabel: String,
    val error: String? = null,
    val retryLabel: String? = null,
    val editLabel: String? = null,
    val discardLabel: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(id)
        serializer.serialize_str(title)
        serializer.serialize_str(summary)
        state.serialize(serializer)
        serializer.serialize_str(stateLabel)
        error.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        retryLabel.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        editLabel.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        discardLabel.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): OutboxItemView {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_str()
            val title = deserializer.deserialize_str()
            val summary = deserializer.deserialize_str()
            val state = org.zeri.shared.OutboxState.deserialize(deserializer)
            val stateLabel = deserializer.deserialize_str()
            val error =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val retryLabel =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val editLabel =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val discardLabel =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return OutboxItemView(id, title, summary, state, stateLabel, error, retryLabel, editLabel, discardLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): OutboxItemView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

enum class OutboxState {
    /// Being written to the phone's storage.
    SAVING,
    /// On the phone, waiting for the network.
    QUEUED,
    SENDING,
    /// Filed; photos still going up.
    SENDINGPHOTOS,
    /// Refused by the server; needs the citizen.
    REJECTED;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): OutboxState {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> SAVING
                1 -> QUEUED
                2 -> SENDING
                3 -> SENDINGPHOTOS
                4 -> REJECTED
                else -> throw DeserializationError("Unknown variant index for OutboxState: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): OutboxState {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class PhotoItemView(
    val index: UInt,
    val label: String,
    val removeLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_u32(index)
        serializer.serialize_str(label)
        serializer.serialize_str(removeLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): PhotoItemView {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_u32()
            val label = deserializer.deserialize_str()
            val removeLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return PhotoItemView(index, label, removeLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): PhotoItemView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class PhotosFieldView(
    val label: String,
    val hint: String,
    val items: List<org.zeri.shared.PhotoItemView>,
    val addLabel: String,
    val canAdd: Boolean,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        serializer.serialize_str(hint)
        items.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.serialize_str(addLabel)
        serializer.serialize_bool(canAdd)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): PhotosFieldView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val hint = deserializer.deserialize_str()
            val items =
                deserializer.deserializeListOf {
                    org.zeri.shared.PhotoItemView.deserialize(deserializer)
                }
            val addLabel = deserializer.deserialize_str()
            val canAdd = deserializer.deserialize_bool()
            deserializer.decrease_container_depth()
            return PhotosFieldView(label, hint, items, addLabel, canAdd)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): PhotosFieldView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Which provider gave the token.
enum class PushProvider {
    /// Firebase Cloud Messaging (Android).
    FCM,
    /// Apple Push Notification service (iOS).
    APNS;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): PushProvider {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> FCM
                1 -> APNS
                else -> throw DeserializationError("Unknown variant index for PushProvider: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): PushProvider {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class RatingFormView(
    val prompt: String,
    val starsLabel: String,
    val currentStars: UByte,
    val commentLabel: String,
    val submitLabel: String,
    val pending: String? = null,
    val error: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(prompt)
        serializer.serialize_str(starsLabel)
        serializer.serialize_u8(currentStars)
        serializer.serialize_str(commentLabel)
        serializer.serialize_str(submitLabel)
        pending.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        error.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): RatingFormView {
            deserializer.increase_container_depth()
            val prompt = deserializer.deserialize_str()
            val starsLabel = deserializer.deserialize_str()
            val currentStars = deserializer.deserialize_u8()
            val commentLabel = deserializer.deserialize_str()
            val submitLabel = deserializer.deserialize_str()
            val pending =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val error =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return RatingFormView(prompt, starsLabel, currentStars, commentLabel, submitLabel, pending, error)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): RatingFormView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// The single operation `Render` implements.
data object RenderOperation {
    fun serialize(serializer: Serializer) {}

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    fun deserialize(deserializer: Deserializer): RenderOperation {
        return RenderOperation
    }

    @Throws(DeserializationError::class)
    fun bincodeDeserialize(input: ByteArray?): RenderOperation {
        if (input == null) {
            throw DeserializationError("Cannot deserialize null array")
        }
        val deserializer = BincodeDeserializer(input)
        val value = deserialize(deserializer)
        if (deserializer.get_buffer_offset() < input.size) {
            throw DeserializationError("Some input bytes were not read")
        }
        return value
    }
}

data class ReopenFormView(
    val prompt: String,
    val reasonLabel: String,
    val submitLabel: String,
    val pending: String? = null,
    val error: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(prompt)
        serializer.serialize_str(reasonLabel)
        serializer.serialize_str(submitLabel)
        pending.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        error.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ReopenFormView {
            deserializer.increase_container_depth()
            val prompt = deserializer.deserialize_str()
            val reasonLabel = deserializer.deserialize_str()
            val submitLabel = deserializer.deserialize_str()
            val pending =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            val error =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return ReopenFormView(prompt, reasonLabel, submitLabel, pending, error)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ReopenFormView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Request for a side-effect passed from the Core to the Shell.
/// 
/// The `EffectId` links the `Request` with the corresponding call to [`Core::resolve`] to pass the data back
/// to the [`App::update`] function (wrapped in the event provided to the capability originating the effect).
data class Request(
    val id: UInt,
    val effect: org.zeri.shared.Effect,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_u32(id)
        effect.serialize(serializer)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): Request {
            deserializer.increase_container_depth()
            val id = deserializer.deserialize_u32()
            val effect = org.zeri.shared.Effect.deserialize(deserializer)
            deserializer.decrease_container_depth()
            return Request(id, effect)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Request {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// A batch of effect requests from the Core to the Shell, as serialised by
/// [`Bridge::update`] and [`Bridge::resolve`].
/// 
/// The wire format is identical to `Vec<Request<Eff>>` (the newtype is
/// `serde(transparent)`), so existing shell code that already deserialises
/// a `Vec<Request>` remains binary-compatible.
/// 
/// Registering this type with the type-generation system causes the code
/// generators to emit a `Requests` type (with a `value` field containing the
/// list) together with a top-level `bincodeDeserialize` / `BincodeDeserialize`
/// helper, replacing the hand-written extension files that were previously
/// appended by `add_extensions()`.
data class Requests(
    val value: List<org.zeri.shared.Request>,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        value.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): Requests {
            deserializer.increase_container_depth()
            val value =
                deserializer.deserializeListOf {
                    org.zeri.shared.Request.deserialize(deserializer)
                }
            deserializer.decrease_container_depth()
            return Requests(value)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Requests {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Which screen the shell shows.
enum class Screen {
    LOADING,
    LOADFAILED,
    WELCOME,
    HOME,
    NEWCOMPLAINT,
    MYCOMPLAINTS,
    COMPLAINTDETAIL,
    SETTINGS,
    /// What the server holds about this phone's complaints (from settings).
    MYDATA;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): Screen {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> LOADING
                1 -> LOADFAILED
                2 -> WELCOME
                3 -> HOME
                4 -> NEWCOMPLAINT
                5 -> MYCOMPLAINTS
                6 -> COMPLAINTDETAIL
                7 -> SETTINGS
                8 -> MYDATA
                else -> throw DeserializationError("Unknown variant index for Screen: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Screen {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// The question a server link asks: accept sends `SettingsEvent::ServerOfferAccepted`,
/// decline `SettingsEvent::ServerOfferDeclined`.
data class ServerOfferView(
    val title: String,
    val message: String,
    val acceptLabel: String,
    val declineLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(message)
        serializer.serialize_str(acceptLabel)
        serializer.serialize_str(declineLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ServerOfferView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val message = deserializer.deserialize_str()
            val acceptLabel = deserializer.deserialize_str()
            val declineLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return ServerOfferView(title, message, acceptLabel, declineLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ServerOfferView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// Which other server the app talks to; the button sends `SettingsEvent::OfficialServerChosen`.
data class ServerSettingView(
    val text: String,
    val resetLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(text)
        serializer.serialize_str(resetLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ServerSettingView {
            deserializer.increase_container_depth()
            val text = deserializer.deserialize_str()
            val resetLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return ServerSettingView(text, resetLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ServerSettingView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface SettingsEvent {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data class LanguageSelected(
        val language: org.zeri.shared.Language,
    ) : SettingsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            language.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): LanguageSelected {
                deserializer.increase_container_depth()
                val language = org.zeri.shared.Language.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return LanguageSelected(language)
            }
        }
    }

    data object WelcomeFinished: SettingsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): WelcomeFinished {
            return WelcomeFinished
        }
    }

    /// The citizen accepted the server a link offered.
    data object ServerOfferAccepted: SettingsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): ServerOfferAccepted {
            return ServerOfferAccepted
        }
    }

    /// The citizen declined it.
    data object ServerOfferDeclined: SettingsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): ServerOfferDeclined {
            return ServerOfferDeclined
        }
    }

    /// Back to the server the app was built for.
    data object OfficialServerChosen: SettingsEvent {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(4)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): OfficialServerChosen {
            return OfficialServerChosen
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): SettingsEvent {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> LanguageSelected.deserialize(deserializer)
                1 -> WelcomeFinished.deserialize(deserializer)
                2 -> ServerOfferAccepted.deserialize(deserializer)
                3 -> ServerOfferDeclined.deserialize(deserializer)
                4 -> OfficialServerChosen.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for SettingsEvent: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): SettingsEvent {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class SettingsView(
    val title: String,
    val languageLabel: String,
    val languages: List<org.zeri.shared.LanguageOption>,
    val privacyTitle: String,
    val privacyText: String,
    /// Set when a link pointed the app at another server than the one it was built for.
    val server: org.zeri.shared.ServerSettingView? = null,
    /// Opens "Your data": sends `MyDataEvent::Opened`.
    val myDataLabel: String,
    /// The full privacy notice, on the server's public site, in the citizen's language.
    val privacyNoticeLabel: String,
    val privacyNoticeUrl: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(languageLabel)
        languages.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.serialize_str(privacyTitle)
        serializer.serialize_str(privacyText)
        server.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        serializer.serialize_str(myDataLabel)
        serializer.serialize_str(privacyNoticeLabel)
        serializer.serialize_str(privacyNoticeUrl)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): SettingsView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val languageLabel = deserializer.deserialize_str()
            val languages =
                deserializer.deserializeListOf {
                    org.zeri.shared.LanguageOption.deserialize(deserializer)
                }
            val privacyTitle = deserializer.deserialize_str()
            val privacyText = deserializer.deserialize_str()
            val server =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.ServerSettingView.deserialize(deserializer)
                }
            val myDataLabel = deserializer.deserialize_str()
            val privacyNoticeLabel = deserializer.deserialize_str()
            val privacyNoticeUrl = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return SettingsView(title, languageLabel, languages, privacyTitle, privacyText, server, myDataLabel, privacyNoticeLabel, privacyNoticeUrl)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): SettingsView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

enum class StatusCode {
    SUBMITTED,
    RECEIVED,
    INPROGRESS,
    RESOLVED,
    REJECTED,
    TRANSFERRED,
    REOPENED,
    WAITINGFORCITIZEN;

    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_variant_index(ordinal)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): StatusCode {
            deserializer.increase_container_depth()
            val index = deserializer.deserialize_variant_index()
            deserializer.decrease_container_depth()
            return when (index) {
                0 -> SUBMITTED
                1 -> RECEIVED
                2 -> INPROGRESS
                3 -> RESOLVED
                4 -> REJECTED
                5 -> TRANSFERRED
                6 -> REOPENED
                7 -> WAITINGFORCITIZEN
                else -> throw DeserializationError("Unknown variant index for StatusCode: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): StatusCode {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class TextFieldView(
    val label: String,
    val value: String,
    val hint: String,
    val error: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        serializer.serialize_str(value)
        serializer.serialize_str(hint)
        error.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): TextFieldView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val value = deserializer.deserialize_str()
            val hint = deserializer.deserialize_str()
            val error =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return TextFieldView(label, value, hint, error)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): TextFieldView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface TimeRequest {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data object Now: TimeRequest {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): Now {
            return Now
        }
    }

    data class NotifyAt(
        val id: org.zeri.shared.TimerId,
        val instant: org.zeri.shared.Instant,
    ) : TimeRequest {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            id.serialize(serializer)
            instant.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): NotifyAt {
                deserializer.increase_container_depth()
                val id = org.zeri.shared.TimerId.deserialize(deserializer)
                val instant = org.zeri.shared.Instant.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return NotifyAt(id, instant)
            }
        }
    }

    data class NotifyAfter(
        val id: org.zeri.shared.TimerId,
        val duration: org.zeri.shared.Duration,
    ) : TimeRequest {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            id.serialize(serializer)
            duration.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): NotifyAfter {
                deserializer.increase_container_depth()
                val id = org.zeri.shared.TimerId.deserialize(deserializer)
                val duration = org.zeri.shared.Duration.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return NotifyAfter(id, duration)
            }
        }
    }

    data class Clear(
        val id: org.zeri.shared.TimerId,
    ) : TimeRequest {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            id.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Clear {
                deserializer.increase_container_depth()
                val id = org.zeri.shared.TimerId.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Clear(id)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): TimeRequest {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Now.deserialize(deserializer)
                1 -> NotifyAt.deserialize(deserializer)
                2 -> NotifyAfter.deserialize(deserializer)
                3 -> Clear.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for TimeRequest: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): TimeRequest {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

sealed interface TimeResponse {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data class Now(
        val instant: org.zeri.shared.Instant,
    ) : TimeResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            instant.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Now {
                deserializer.increase_container_depth()
                val instant = org.zeri.shared.Instant.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Now(instant)
            }
        }
    }

    data class InstantArrived(
        val id: org.zeri.shared.TimerId,
    ) : TimeResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            id.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): InstantArrived {
                deserializer.increase_container_depth()
                val id = org.zeri.shared.TimerId.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return InstantArrived(id)
            }
        }
    }

    data class DurationElapsed(
        val id: org.zeri.shared.TimerId,
    ) : TimeResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(2)
            id.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): DurationElapsed {
                deserializer.increase_container_depth()
                val id = org.zeri.shared.TimerId.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return DurationElapsed(id)
            }
        }
    }

    data class Cleared(
        val id: org.zeri.shared.TimerId,
    ) : TimeResponse {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(3)
            id.serialize(serializer)
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Cleared {
                deserializer.increase_container_depth()
                val id = org.zeri.shared.TimerId.deserialize(deserializer)
                deserializer.decrease_container_depth()
                return Cleared(id)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): TimeResponse {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> Now.deserialize(deserializer)
                1 -> InstantArrived.deserialize(deserializer)
                2 -> DurationElapsed.deserialize(deserializer)
                3 -> Cleared.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for TimeResponse: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): TimeResponse {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class TimelineItemView(
    val timeLabel: String,
    val title: String,
    val text: String? = null,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(timeLabel)
        serializer.serialize_str(title)
        text.serializeOptionOf(serializer) {
            serializer.serialize_str(it)
        }
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): TimelineItemView {
            deserializer.increase_container_depth()
            val timeLabel = deserializer.deserialize_str()
            val title = deserializer.deserialize_str()
            val text =
                deserializer.deserializeOptionOf {
                    deserializer.deserialize_str()
                }
            deserializer.decrease_container_depth()
            return TimelineItemView(timeLabel, title, text)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): TimelineItemView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class TimerId(
    val value: ULong,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_u64(value)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): TimerId {
            deserializer.increase_container_depth()
            val value = deserializer.deserialize_u64()
            deserializer.decrease_container_depth()
            return TimerId(value)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): TimerId {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class ToggleView(
    val label: String,
    val value: Boolean,
    val explanation: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(label)
        serializer.serialize_bool(value)
        serializer.serialize_str(explanation)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ToggleView {
            deserializer.increase_container_depth()
            val label = deserializer.deserialize_str()
            val value = deserializer.deserialize_bool()
            val explanation = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return ToggleView(label, value, explanation)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ToggleView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// The value stored under a key.
/// 
/// `Value::None` is used to represent the absence of a value.
/// 
/// Note: we can't use `Option` here because generics are not currently
/// supported across the FFI boundary, when using the builtin typegen.
sealed interface Value {
    fun serialize(serializer: Serializer)

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    data object None: Value {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(0)
            serializer.decrease_container_depth()
        }

        fun deserialize(deserializer: Deserializer): None {
            return None
        }
    }

    data class Bytes(
        val value: List<UByte>,
    ) : Value {
        override fun serialize(serializer: Serializer) {
            serializer.increase_container_depth()
            serializer.serialize_variant_index(1)
            value.serialize(serializer) {
                serializer.serialize_u8(it)
            }
            serializer.decrease_container_depth()
        }

        companion object {
            fun deserialize(deserializer: Deserializer): Bytes {
                deserializer.increase_container_depth()
                val value =
                    deserializer.deserializeListOf {
                        deserializer.deserialize_u8()
                    }
                deserializer.decrease_container_depth()
                return Bytes(value)
            }
        }
    }

    companion object {
        @Throws(DeserializationError::class)
        fun deserialize(deserializer: Deserializer): Value {
            val index = deserializer.deserialize_variant_index()
            return when (index) {
                0 -> None.deserialize(deserializer)
                1 -> Bytes.deserialize(deserializer)
                else -> throw DeserializationError("Unknown variant index for Value: $index")
            }
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): Value {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class ViewModel(
    val screen: org.zeri.shared.Screen,
    val language: org.zeri.shared.Language,
    val appName: String,
    val notice: org.zeri.shared.NoticeView? = null,
    /// A link offered another server: ask the citizen, over whatever screen is showing.
    val serverOffer: org.zeri.shared.ServerOfferView? = null,
    val navigation: org.zeri.shared.NavigationView,
    /// Nothing is left to send: the outbox is empty, or holds only what the server refused
    /// (that waits for the citizen). A background worker sending the queue stops then.
    val outboxIdle: Boolean,
    val loadFailed: org.zeri.shared.LoadFailedView? = null,
    val welcome: org.zeri.shared.WelcomeView,
    val home: org.zeri.shared.HomeView,
    val draft: org.zeri.shared.DraftView,
    val myComplaints: org.zeri.shared.MyComplaintsView,
    val detail: org.zeri.shared.ComplaintDetailView? = null,
    val settings: org.zeri.shared.SettingsView,
    val myData: org.zeri.shared.MyDataView,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        screen.serialize(serializer)
        language.serialize(serializer)
        serializer.serialize_str(appName)
        notice.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        serverOffer.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        navigation.serialize(serializer)
        serializer.serialize_bool(outboxIdle)
        loadFailed.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        welcome.serialize(serializer)
        home.serialize(serializer)
        draft.serialize(serializer)
        myComplaints.serialize(serializer)
        detail.serializeOptionOf(serializer) {
            it.serialize(serializer)
        }
        settings.serialize(serializer)
        myData.serialize(serializer)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): ViewModel {
            deserializer.increase_container_depth()
            val screen = org.zeri.shared.Screen.deserialize(deserializer)
            val language = org.zeri.shared.Language.deserialize(deserializer)
            val appName = deserializer.deserialize_str()
            val notice =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.NoticeView.deserialize(deserializer)
                }
            val serverOffer =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.ServerOfferView.deserialize(deserializer)
                }
            val navigation = org.zeri.shared.NavigationView.deserialize(deserializer)
            val outboxIdle = deserializer.deserialize_bool()
            val loadFailed =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.LoadFailedView.deserialize(deserializer)
                }
            val welcome = org.zeri.shared.WelcomeView.deserialize(deserializer)
            val home = org.zeri.shared.HomeView.deserialize(deserializer)
            val draft = org.zeri.shared.DraftView.deserialize(deserializer)
            val myComplaints = org.zeri.shared.MyComplaintsView.deserialize(deserializer)
            val detail =
                deserializer.deserializeOptionOf {
                    org.zeri.shared.ComplaintDetailView.deserialize(deserializer)
                }
            val settings = org.zeri.shared.SettingsView.deserialize(deserializer)
            val myData = org.zeri.shared.MyDataView.deserialize(deserializer)
            deserializer.decrease_container_depth()
            return ViewModel(screen, language, appName, notice, serverOffer, navigation, outboxIdle, loadFailed, welcome, home, draft, myComplaints, detail, settings, myData)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): ViewModel {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

/// A complaint's PIN and where it opens the complaint without this phone: for the person it
/// was filed for, who may see, save or erase its data on the server's web page.
data class WebAccessView(
    val title: String,
    val pinLabel: String,
    /// In two groups of four digits, as people read it out.
    val pin: String,
    val explanation: String,
    /// The page, in the app's language; the shell opens it in the browser.
    val url: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(pinLabel)
        serializer.serialize_str(pin)
        serializer.serialize_str(explanation)
        serializer.serialize_str(url)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): WebAccessView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val pinLabel = deserializer.deserialize_str()
            val pin = deserializer.deserialize_str()
            val explanation = deserializer.deserialize_str()
            val url = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return WebAccessView(title, pinLabel, pin, explanation, url)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): WebAccessView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}

data class WelcomeView(
    val title: String,
    val intro: String,
    val privacyTitle: String,
    val privacyText: String,
    val languageLabel: String,
    val languages: List<org.zeri.shared.LanguageOption>,
    val continueLabel: String,
) {
    fun serialize(serializer: Serializer) {
        serializer.increase_container_depth()
        serializer.serialize_str(title)
        serializer.serialize_str(intro)
        serializer.serialize_str(privacyTitle)
        serializer.serialize_str(privacyText)
        serializer.serialize_str(languageLabel)
        languages.serialize(serializer) {
            it.serialize(serializer)
        }
        serializer.serialize_str(continueLabel)
        serializer.decrease_container_depth()
    }

    fun bincodeSerialize(): ByteArray {
        val serializer = BincodeSerializer()
        serialize(serializer)
        return serializer.get_bytes()
    }

    companion object {
        fun deserialize(deserializer: Deserializer): WelcomeView {
            deserializer.increase_container_depth()
            val title = deserializer.deserialize_str()
            val intro = deserializer.deserialize_str()
            val privacyTitle = deserializer.deserialize_str()
            val privacyText = deserializer.deserialize_str()
            val languageLabel = deserializer.deserialize_str()
            val languages =
                deserializer.deserializeListOf {
                    org.zeri.shared.LanguageOption.deserialize(deserializer)
                }
            val continueLabel = deserializer.deserialize_str()
            deserializer.decrease_container_depth()
            return WelcomeView(title, intro, privacyTitle, privacyText, languageLabel, languages, continueLabel)
        }

        @Throws(DeserializationError::class)
        fun bincodeDeserialize(input: ByteArray?): WelcomeView {
            if (input == null) {
                throw DeserializationError("Cannot deserialize null array")
            }
            val deserializer = BincodeDeserializer(input)
            val value = deserialize(deserializer)
            if (deserializer.get_buffer_offset() < input.size) {
                throw DeserializationError("Some input bytes were not read")
            }
            return value
        }
    }
}
