"""What plays and what plays next, together because the bar, the desktop and the preparer follow one track."""
