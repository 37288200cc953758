from django.dispatch import Signal

# Sent once a message has been handed to its channel, with `message`; apps that own what the
# message was about (e.g. a school notification) record delivery without messaging knowing them.
message_sent = Signal()
