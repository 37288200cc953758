"""Front Door: a children's safeguarding front door for English local authorities."""
