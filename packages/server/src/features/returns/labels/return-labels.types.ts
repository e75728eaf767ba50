import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { ID } from '../../../graphql/id.js';

@ArgsType()
export class AttachPrepaidReturnLabelArgs {
  @Field(() => ID, { description: 'The return.' })
  returnId!: string;

  @Field(() => ID, { description: 'The PDF uploaded with POST /uploads?kind=DOCUMENT.' })
  uploadId!: string;
}

@ObjectType({ description: "Where an authorized return's label and packing slip are downloaded (PDF attachments)." })
export class ReturnDocuments {
  @Field({
    description:
      "Path of the label (GET, with the session cookie or an API key): the seller's uploaded prepaid label, or the generated 4×6 in label.",
  })
  labelPath!: string;

  @Field({ description: 'Path of the packing slip to put in the parcel (GET, letter size).' })
  packingSlipPath!: string;

  @Field({ description: 'The label is the prepaid label the seller uploaded (not the generated one).' })
  prepaidLabelUploaded!: boolean;

  @Field(() => Int, { nullable: true, description: "Pages of the seller's uploaded label; null when generated." })
  prepaidLabelPages!: number | null;
}
