DROP TABLE provider_looks;
