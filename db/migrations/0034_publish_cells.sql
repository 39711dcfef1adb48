CREATE TABLE "publish_cells" (
	"dataset" text NOT NULL,
	"cell" text NOT NULL,
	CONSTRAINT "publish_cells_dataset_cell_pk" PRIMARY KEY("dataset","cell")
);
