DROP TABLE team_agenda_sent;
ALTER TABLE team_members DROP COLUMN agenda_mail;
ALTER TABLE bookings DROP COLUMN guest_mails;
