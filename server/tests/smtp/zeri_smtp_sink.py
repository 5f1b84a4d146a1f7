"""An aiosmtpd handler for Zëri's mail tests: a real SMTP server that keeps each message it
accepts as one JSON file (envelope, headers, and the decoded plain-text and HTML bodies) in the
folder it is given, written whole before the server answers 250, so a test reads exactly what
was accepted. A recipient whose address starts with "refuse" is refused for good (550). NOOP
answers with the folder, so whoever started the server can tell it is theirs.

    python -m aiosmtpd -n -u -l 127.0.0.1:2525 -c zeri_smtp_sink.Sink /tmp/received
"""

import email
import email.policy
import json
import os
import uuid


class Sink:
    def __init__(self, folder):
        self.folder = folder
        os.makedirs(folder, exist_ok=True)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("give the folder to keep the messages in")
        return cls(args[0])

    async def handle_NOOP(self, server, session, envelope, arg):
        # Names the folder, so a test knows the server on its port is the one it started.
        return "250 " + self.folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refuse"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        bodies = {}
        for content_type in ("plain", "html"):
            part = message.get_body(preferencelist=(content_type,))
            bodies[content_type] = part.get_content() if part is not None else None
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {name: str(value) for name, value in message.items()},
            "text": bodies["plain"],
            "html": bodies["html"],
        }
        name = uuid.uuid4().hex
        partial = os.path.join(self.folder, name + ".partial")
        with open(partial, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.rename(partial, os.path.join(self.folder, name + ".json"))
        return "250 OK"
