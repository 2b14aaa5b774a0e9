DROP TABLE calendar_busy_blocks;
DROP TABLE calendar_sources;
